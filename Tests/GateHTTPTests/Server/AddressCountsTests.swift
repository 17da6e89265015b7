import Testing

@testable import GateHTTP

struct AddressCountsTests {
    @Test
    func admitsUpToTheCapPerAddress() {
        let counts = AddressCounts(cap: 2)
        #expect([counts.admit("a"), counts.admit("a"), counts.admit("a")] == [true, true, false])
        #expect(counts.admit("b"))
        counts.release("a")
        #expect(counts.admit("a"))
    }

    @Test
    func addressesLeaveTheTableWithTheirLastConnection() {
        let counts = AddressCounts(cap: 5)
        for address in ["a", "b", "a"] { _ = counts.admit(address) }
        #expect(counts.addressCount == 2)
        for address in ["a", "b", "a", "unknown"] { counts.release(address) }
        #expect(counts.addressCount == 0)
    }

    @Test
    func zeroCapAdmitsEverythingWithoutBookkeeping() {
        let counts = AddressCounts(cap: 0)
        #expect((0..<1000).allSatisfy { _ in counts.admit("a") })
        #expect(counts.addressCount == 0)
    }
}
