// Package graphtest runs the real GraphQL handler against a real database for
// tests: a fresh SQLite file per test by default, or, when TEST_DATABASE_URL
// names a PostgreSQL server (postgres://…/postgres), a throwaway database per
// test that is dropped afterwards. Each server is seeded with the demo data.
package graphtest
