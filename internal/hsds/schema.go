package hsds

import (
	"bytes"
	"embed"
	"fmt"
	"path"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// spec holds the Open Referral HSDS 3.0 JSON Schemas this package writes
// and reads, and the HSDS API's OpenAPI document, vendored unchanged (see
// spec/SOURCE and spec/LICENSE).
//
//go:embed spec/*.json
var spec embed.FS

// specBase is where the schemas are published; their relative $refs resolve
// against it, and only to the vendored copies (nothing is fetched).
const specBase = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"

// specLoader serves the vendored schemas. A schema HSDS nests that is not
// vendored (contact, program, funding, attribute, metadata, …: records this
// directory has no place for, which Export never writes and Import ignores)
// is served as the empty schema, which accepts anything.
type specLoader struct{}

func (specLoader) Load(url string) (any, error) {
	b, err := spec.ReadFile("spec/" + path.Base(url))
	if err != nil {
		return map[string]any{}, nil
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(b))
}

var (
	schemasOnce sync.Once
	schemas     map[string]*jsonschema.Schema
	schemasErr  error
)

// Schema returns the compiled HSDS 3.0 schema of a record type: "service",
// "organization" or "location" (and the other vendored ones), or "Page", the
// API's paged envelope (components/schemas/Page of the OpenAPI document).
func Schema(name string) (*jsonschema.Schema, error) {
	schemasOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.UseLoader(jsonschema.SchemeURLLoader{"https": specLoader{}})
		schemas = map[string]*jsonschema.Schema{}
		entries, err := spec.ReadDir("spec")
		if err != nil {
			schemasErr = err
			return
		}
		for _, e := range entries {
			n, loc := strings.TrimSuffix(e.Name(), ".json"), specBase+e.Name()
			if n == "openapi" {
				// The API's paged envelope, as its OpenAPI document defines it.
				n, loc = "Page", loc+"#/components/schemas/Page"
			}
			s, err := c.Compile(loc)
			if err != nil {
				schemasErr = fmt.Errorf("hsds: compile %s: %w", e.Name(), err)
				return
			}
			schemas[n] = s
		}
	})
	if schemasErr != nil {
		return nil, schemasErr
	}
	s, ok := schemas[name]
	if !ok {
		return nil, fmt.Errorf("hsds: no schema %q", name)
	}
	return s, nil
}

var english = message.NewPrinter(language.English)

// schemaProblems validates v (decoded by jsonschema.UnmarshalJSON) against
// the named schema and lists every failure under the JSON pointer prefix.
func schemaProblems(name, prefix string, v any) ([]Problem, error) {
	s, err := Schema(name)
	if err != nil {
		return nil, err
	}
	err = s.Validate(v)
	if err == nil {
		return nil, nil
	}
	verr, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return nil, err
	}
	var out []Problem
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, Problem{Pointer: prefix + pointer(e.InstanceLocation), Message: e.ErrorKind.LocalizedString(english)})
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(verr)
	return out, nil
}

// pointer writes a JSON pointer (RFC 6901) of the path.
func pointer(parts []string) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(p))
	}
	return b.String()
}
