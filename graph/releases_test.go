package graph_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"golang.org/x/mod/semver"

	"victimservices/graph"
)

// TestSchemaFileIsTheServedSchema: graph/schema.graphql is the served
// schema (go generate writes it).
func TestSchemaFileIsTheServedSchema(t *testing.T) {
	b, err := os.ReadFile("schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != graph.SDL() {
		t.Fatal("graph/schema.graphql is not the served schema: run go generate ./...")
	}
}

// TestNoUnannouncedBreakingChanges: every change from the latest release
// that can break a client is named in CHANGELOG.md's Unreleased section.
func TestNoUnannouncedBreakingChanges(t *testing.T) {
	files, err := filepath.Glob("releases/v*.graphql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no released schema under graph/releases (%v)", err)
	}
	sort.Slice(files, func(i, j int) bool {
		return semver.Compare(strings.TrimSuffix(filepath.Base(files[i]), ".graphql"), strings.TrimSuffix(filepath.Base(files[j]), ".graphql")) < 0
	})
	latest := files[len(files)-1]
	b, err := os.ReadFile(latest)
	if err != nil {
		t.Fatal(err)
	}
	old, gerr := gqlparser.LoadSchema(&ast.Source{Name: latest, Input: string(b)})
	if gerr != nil {
		t.Fatal(gerr)
	}
	log, err := os.ReadFile("../CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	unreleased := section(string(log), "## Unreleased")
	for _, c := range breakingChanges(old, graph.NewExecutableSchema(graph.Config{}).Schema()) {
		if !strings.Contains(unreleased, "`"+c.what+"`") {
			t.Errorf("%s: %s since %s, and CHANGELOG.md's Unreleased section does not name `%s`", c.what, c.why, filepath.Base(latest), c.what)
		}
	}
}

// TestTheBreakingChangeCheckFinds: the check itself, on made-up schemas.
func TestTheBreakingChangeCheckFinds(t *testing.T) {
	load := func(sdl string) *ast.Schema {
		s, err := gqlparser.LoadSchema(&ast.Source{Input: sdl})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	old := load(`type Query { a: String! b(x: Int): Int c: E gone: Int } enum E { X Y } input I { p: Int } type T { f: Int }`)
	cur := load(`type Query { a: String b(x: Int, y: Int!): Int c: E } enum E { X } input I { p: Int q: String! }`)
	var got []string
	for _, c := range breakingChanges(old, cur) {
		got = append(got, c.what)
	}
	sort.Strings(got)
	want := "E.Y I.q Query.a Query.b(y) Query.gone T"
	if strings.Join(got, " ") != want {
		t.Errorf("found %v, want %s", got, want)
	}
}

func section(doc, heading string) string {
	i := strings.Index(doc, heading)
	if i < 0 {
		return ""
	}
	rest := doc[i+len(heading):]
	if j := strings.Index(rest, "\n## "); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

type change struct{ what, why string }

// breakingChanges lists what in cur can break a client written against old.
func breakingChanges(old, cur *ast.Schema) []change {
	var out []change
	for name, o := range old.Types {
		if o.BuiltIn || strings.HasPrefix(name, "__") {
			continue
		}
		n := cur.Types[name]
		if n == nil {
			out = append(out, change{name, "the type was removed"})
			continue
		}
		if n.Kind != o.Kind {
			out = append(out, change{name, "the type's kind changed"})
			continue
		}
		for _, v := range o.EnumValues {
			if n.EnumValues.ForName(v.Name) == nil {
				out = append(out, change{name + "." + v.Name, "the enum value was removed"})
			}
		}
		for _, of := range o.Fields {
			if strings.HasPrefix(of.Name, "__") {
				continue
			}
			what := name + "." + of.Name
			nf := n.Fields.ForName(of.Name)
			if nf == nil {
				out = append(out, change{what, "the field was removed"})
				continue
			}
			input := o.Kind == ast.InputObject
			if !compatible(of.Type, nf.Type, input) {
				out = append(out, change{what, "its type changed from " + of.Type.String() + " to " + nf.Type.String()})
			}
			for _, oa := range of.Arguments {
				na := nf.Arguments.ForName(oa.Name)
				if na == nil {
					out = append(out, change{what + "(" + oa.Name + ")", "the argument was removed"})
				} else if !compatible(oa.Type, na.Type, true) {
					out = append(out, change{what + "(" + oa.Name + ")", "its type changed"})
				}
			}
			for _, na := range nf.Arguments {
				if of.Arguments.ForName(na.Name) == nil && na.Type.NonNull && na.DefaultValue == nil {
					out = append(out, change{what + "(" + na.Name + ")", "a new required argument"})
				}
			}
		}
		if o.Kind == ast.InputObject {
			for _, nf := range n.Fields {
				if o.Fields.ForName(nf.Name) == nil && nf.Type.NonNull && nf.DefaultValue == nil {
					out = append(out, change{name + "." + nf.Name, "a new required input field"})
				}
			}
		}
	}
	return out
}

// compatible: an output may become stricter (nullable to non-null), an
// input may become looser (non-null to nullable); names must match.
func compatible(old, cur *ast.Type, input bool) bool {
	if old.NonNull != cur.NonNull {
		if input && !cur.NonNull || !input && cur.NonNull {
			return compatible(&ast.Type{NamedType: old.NamedType, Elem: old.Elem}, &ast.Type{NamedType: cur.NamedType, Elem: cur.Elem}, input)
		}
		return false
	}
	if (old.Elem == nil) != (cur.Elem == nil) {
		return false
	}
	if old.Elem != nil {
		return compatible(old.Elem, cur.Elem, input)
	}
	return old.NamedType == cur.NamedType
}
