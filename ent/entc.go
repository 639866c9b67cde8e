//go:build ignore

// Command entc generates the ent client and the entgql helpers from
// ent/schema. Run it from the module root (go generate ./... does, through
// generate.go at the root), so every path below is root-relative: entgql
// compares gqlgen.yml's schema paths as text.
package main

import (
	"log"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
)

func main() {
	ex, err := entgql.NewExtension(
		entgql.WithConfigPath("gqlgen.yml"),
	)
	if err != nil {
		log.Fatalf("entgql: %v", err)
	}
	cfg := &gen.Config{
		Features: []gen.Feature{
			gen.FeaturePrivacy,
			gen.FeatureIntercept,
			gen.FeatureLock,
			gen.FeatureUpsert,
			gen.FeatureExecQuery,
		},
		Templates: []*gen.Template{
			gen.MustParse(gen.NewTemplate("nodetype").ParseFiles("ent/template/nodetype.tmpl")),
			gen.MustParse(gen.NewTemplate("dialecttx").ParseFiles("ent/template/dialecttx.tmpl")),
		},
	}
	if err := entc.Generate("./ent/schema", cfg, entc.Extensions(ex)); err != nil {
		log.Fatalf("entc: %v", err)
	}
}
