import Testing

@testable import ButlerGate

struct TaskCatalogueTests {
    @Test(arguments: [
        ("BackupDatabase", "BackupDatabase"), ("backupdatabase", "BackupDatabase"),
        ("BACKUPDATABASE", "BackupDatabase"), ("backup-database", "BackupDatabase"),
        ("Backup-Database", "BackupDatabase"), ("BACKUP_DATABASE", "BackupDatabase"),
        ("refresh-epg-guides", "RefreshEpgGuides"), ("Refresh_EPG_Guides", "RefreshEpgGuides"),
        ("butler-task-generate-ad-markers", "ButlerTaskGenerateAdMarkers"),
    ])
    func nameAndBothAliasesMatchInAnyASCIICase(spelling: String, canonical: String) {
        #expect(TaskCatalogue.standard.canonicalName(for: spelling) == canonical)
    }

    @Test(arguments: [
        "Bac\u{212A}upDatabase", "ba\u{0441}kupDatabase", "\u{FF42}ackupDatabase", "b_a_c_k_u_p_d_a_t_a_b_a_s_e",
        "---backupdatabase___", "backup-data_base", "backup--database", "-backup-database", "backup_database_",
        "backupdata-base", "backup database", "", "BackupDatabase\u{0}",
    ])
    func anyOtherSpellingIsUnknown(spelling: String) {
        #expect(TaskCatalogue.standard.canonicalName(for: spelling) == nil)
    }

    @Test func everyListedAliasIsAccepted() {
        let catalogue = TaskCatalogue.standard
        for entry in catalogue.entries {
            for spelling in [entry.name] + entry.aliases {
                #expect(catalogue.canonicalName(for: spelling) == entry.name, "\(spelling)")
            }
        }
    }
}
