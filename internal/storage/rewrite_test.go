package storage

import "testing"

// TestCountRewrite: ent's count of a table's ids over that table becomes
// COUNT(*), and nothing else changes.
func TestCountRewrite(t *testing.T) {
	for in, want := range map[string]string{
		`SELECT COUNT("services"."id") FROM "services" WHERE "services"."status" = $1`: `SELECT COUNT(*) FROM "services" WHERE "services"."status" = $1`,
		"SELECT COUNT(`case_files`.`id`) FROM `case_files` WHERE `advocate_id` = ?":    "SELECT COUNT(*) FROM `case_files` WHERE `advocate_id` = ?",
		`SELECT COUNT(DISTINCT "services"."id") FROM "services"`:                       `SELECT COUNT(DISTINCT "services"."id") FROM "services"`,
		`SELECT COUNT("t"."id") FROM "other" JOIN "t" ON true`:                         `SELECT COUNT("t"."id") FROM "other" JOIN "t" ON true`,
		`SELECT "services"."id" FROM "services"`:                                       `SELECT "services"."id" FROM "services"`,
	} {
		if got, _ := rewrite(false, in, nil); got != want {
			t.Errorf("rewrite(%s)\n got %s\nwant %s", in, got, want)
		}
	}
}
