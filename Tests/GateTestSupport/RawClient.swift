// Loopback raw HTTP client for tests (plain and TLS).
