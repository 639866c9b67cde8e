package storage_test

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"victimservices/ent/casefile"
	"victimservices/ent/casemessage"
	"victimservices/internal/storage"
)

// TestSealedColumnsAreTheSchemas: rotate-keys re-seals exactly the
// columns the ent schema seals (sealed.Field), no more, no fewer.
func TestSealedColumnsAreTheSchemas(t *testing.T) {
	snake := regexp.MustCompile(`([a-z0-9])([A-Z])`)
	columns := func(v any) []string {
		var out []string
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			out = append(out, strings.ToLower(snake.ReplaceAllString(typ.Field(i).Name, "${1}_${2}")))
		}
		sort.Strings(out)
		return out
	}
	want := map[string][]string{"case_files": columns(casefile.ValueScanner), "case_messages": columns(casemessage.ValueScanner)}
	got := map[string][]string{}
	total := 0
	for table, cols := range storage.SealedColumns() {
		got[table] = append([]string(nil), cols...)
		sort.Strings(got[table])
		total += len(cols)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rotate-keys re-seals %v; the schema seals %v", got, want)
	}
	// And no other entity seals a column the list does not know.
	files, _ := filepath.Glob("../../ent/schema/*.go")
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n += strings.Count(string(b), "ValueScanner(sealed.Field)")
	}
	if n != total {
		t.Errorf("ent/schema seals %d columns, rotate-keys knows %d", n, total)
	}
}
