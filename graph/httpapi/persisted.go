package httpapi

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"victimservices/ent/schema/errcode"
	"victimservices/graph"
	"victimservices/internal/request"
	"victimservices/locales"
)

// AllowList holds the operations the client apps may send, by the SHA-256
// (hex) of their text: the "persisted documents" manifest client tooling
// writes, a JSON object {"<sha256>": "<query text>"}.
type AllowList map[string]string

// LoadAllowList reads and checks an allow-list file.
func LoadAllowList(path string) (AllowList, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var list AllowList
	if err := json.Unmarshal(b, &list); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	for hash, query := range list {
		if sum := sha256.Sum256([]byte(query)); hex.EncodeToString(sum[:]) != hash {
			return nil, fmt.Errorf("%s: the hash %s does not match its query", path, hash)
		}
	}
	return list, nil
}

// allowListExtension accepts only listed operations: a request sends either
// the full text of a listed operation or just its hash
// (extensions.persistedQuery.sha256Hash, as automatic persisted queries do).
type allowListExtension struct{ list AllowList }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationParameterMutator
} = allowListExtension{}

func (allowListExtension) ExtensionName() string { return "AllowList" }

func (allowListExtension) Validate(graphql.ExecutableSchema) error { return nil }

func (e allowListExtension) MutateOperationParameters(ctx context.Context, p *graphql.RawParams) *gqlerror.Error {
	l := locales.FromContext(ctx)
	if p.Query != "" {
		sum := sha256.Sum256([]byte(p.Query))
		if _, ok := e.list[hex.EncodeToString(sum[:])]; ok {
			return nil
		}
		request.MarkRequestError(ctx)
		return &gqlerror.Error{Message: l.T("error.operationNotAllowed", nil), Extensions: map[string]any{"code": string(errcode.Forbidden)}}
	}
	hash := ""
	if pq, ok := p.Extensions["persistedQuery"].(map[string]any); ok {
		hash, _ = pq["sha256Hash"].(string)
	}
	if q, ok := e.list[hash]; ok {
		p.Query = q
		return nil
	}
	request.MarkRequestError(ctx)
	return &gqlerror.Error{Message: l.T("error.operationNotAllowed", nil), Extensions: map[string]any{"code": "PERSISTED_QUERY_NOT_FOUND"}}
}

// BuildAllowList makes an allow-list from GraphQL documents (the client
// apps' operations): each operation is printed as its own document with the
// fragments it uses, and validated against the schema.
func BuildAllowList(sources ...*ast.Source) (AllowList, error) {
	schema := graph.NewExecutableSchema(graph.Config{}).Schema()
	doc, errs := gqlparser.LoadQueryWithRules(schema, joinSources(sources), nil)
	if errs != nil {
		return nil, errs
	}
	list := AllowList{}
	for _, op := range doc.Operations {
		one := &ast.QueryDocument{Operations: ast.OperationList{op}}
		for _, name := range fragmentsUsed(doc, op.SelectionSet, map[string]bool{}) {
			one.Fragments = append(one.Fragments, doc.Fragments.ForName(name))
		}
		var b strings.Builder
		formatter.NewFormatter(&b).FormatQueryDocument(one)
		text := b.String()
		sum := sha256.Sum256([]byte(text))
		list[hex.EncodeToString(sum[:])] = text
	}
	return list, nil
}

func joinSources(sources []*ast.Source) string {
	var b strings.Builder
	for _, s := range sources {
		b.WriteString(s.Input)
		b.WriteString("\n")
	}
	return b.String()
}

// fragmentsUsed lists the fragments a selection set spreads, transitively.
func fragmentsUsed(doc *ast.QueryDocument, set ast.SelectionSet, seen map[string]bool) []string {
	var out []string
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			out = append(out, fragmentsUsed(doc, s.SelectionSet, seen)...)
		case *ast.InlineFragment:
			out = append(out, fragmentsUsed(doc, s.SelectionSet, seen)...)
		case *ast.FragmentSpread:
			if !seen[s.Name] {
				seen[s.Name] = true
				out = append(out, s.Name)
				if f := doc.Fragments.ForName(s.Name); f != nil {
					out = append(out, fragmentsUsed(doc, f.SelectionSet, seen)...)
				}
			}
		}
	}
	return out
}
