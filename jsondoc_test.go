package main

import (
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/parlens/parlens/analysis/present"

	"github.com/parlens/parlens/analysis"
	"github.com/parlens/parlens/analysis/brief"
)

// jsonDocs is the reference of the JSON contract.
const jsonDocs = "docs/json.md"

// resultOf is the type a command's rows function returns: what --format
// json writes as "result".
func resultOf[R any](func(*env) (R, error)) reflect.Type { return reflect.TypeFor[R]() }

// jsonResults is the Go type each command writes as "result" under --format
// json, taken from the functions that produce it, so that a changed type
// is a changed contract.
var jsonResults = map[string]reflect.Type{
	"rank":        resultOf(rankRows),
	"summary":     resultOf(summaryRows),
	"movers":      resultOf(moverRows),
	"unit":        resultOf(unitRows),
	"components":  resultOf(func(e *env) ([]analysis.BlocComponents, error) { return componentRows(e, true, analysis.LevelSub) }),
	"transitions": resultOf(func(e *env) ([]analysis.Transition, error) { return transitionRows(e, 0, 0) }),
	"brief":       reflect.TypeOf((*brief.Brief).Statements).Out(0),
}

// jsonObjects are the objects of the JSON contract by name (a Go struct's
// name, capitalised), each its fields' types as docs/json.md writes them.
type jsonObjects map[string]map[string]string

// jsonType names the JSON type encoding/json writes for t, by the words of
// docs/json.md: string, integer, number, boolean, any, object (free-form
// keys), "array of T", "object of T" (a map), "T or null" (a pointer), or an
// object's name. Every struct it meets is added to objs with its fields.
func jsonType(t reflect.Type, objs jsonObjects) string {
	switch {
	case t.Kind() == reflect.Pointer:
		return jsonType(t.Elem(), objs) + " or null"
	case t.Implements(reflect.TypeFor[encoding.TextMarshaler]()):
		return "string"
	case t.Implements(reflect.TypeFor[json.Marshaler]()):
		return "any"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Slice, reflect.Array:
		return "array of " + jsonType(t.Elem(), objs)
	case reflect.Map:
		if e := jsonType(t.Elem(), objs); e != "any" {
			return "object of " + e
		}
		return "object"
	case reflect.Struct:
		name := strings.ToUpper(t.Name()[:1]) + t.Name()[1:]
		if _, seen := objs[name]; !seen {
			fields := map[string]string{}
			objs[name] = fields // before the fields: a struct may hold itself
			structFields(t, fields, objs)
		}
		return name
	}
	return "any"
}

// structFields adds a struct's JSON fields by encoding/json's rules:
// exported fields, json tags, embedded structs flattened.
func structFields(t reflect.Type, fields map[string]string, objs jsonObjects) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || !f.IsExported() && !f.Anonymous {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" { // its fields are the struct's own
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			structFields(ft, fields, objs)
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = jsonType(f.Type, objs)
	}
}

// jsonReference is docs/json.md read back: the envelope's fields, each
// command's result and each object's fields, as field → type and field →
// meaning.
type jsonReference struct {
	types    map[string]map[string]string // section ("" for the envelope, a command, an object) → field → type
	meanings map[string]map[string]string
	commands []string // the sections under "## Commands"
	objects  []string // the sections under "## Objects"
}

var referenceRow = regexp.MustCompile("^\\| `([^`]+)` \\| ([^|]+?) \\| (.*) \\|$")

func readJSONReference(t *testing.T) jsonReference {
	t.Helper()
	b, err := os.ReadFile(jsonDocs)
	if err != nil {
		t.Fatal(err)
	}
	ref := jsonReference{types: map[string]map[string]string{}, meanings: map[string]map[string]string{}}
	part, section := "", ""
	for n, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "## "):
			part, section = strings.TrimPrefix(line, "## "), ""
			continue
		case strings.HasPrefix(line, "### "):
			section = strings.Trim(strings.TrimPrefix(line, "### "), "`")
			switch part {
			case "Commands":
				ref.commands = append(ref.commands, section)
			case "Objects":
				ref.objects = append(ref.objects, section)
			}
			continue
		}
		m := referenceRow.FindStringSubmatch(line)
		if m == nil {
			if strings.HasPrefix(line, "| `") {
				t.Errorf("%s:%d: a field row must read | `field` | type | meaning |: %s", jsonDocs, n+1, line)
			}
			continue
		}
		if part != "Envelope" && section == "" {
			t.Errorf("%s:%d: a field outside a command's or an object's section", jsonDocs, n+1)
			continue
		}
		if ref.types[section] == nil {
			ref.types[section], ref.meanings[section] = map[string]string{}, map[string]string{}
		}
		if _, dup := ref.types[section][m[1]]; dup {
			t.Errorf("%s:%d: %s listed twice in %q", jsonDocs, n+1, m[1], section)
		}
		ref.types[section][m[1]], ref.meanings[section][m[1]] = m[2], strings.TrimSpace(m[3])
		if strings.TrimSpace(m[3]) == "" {
			t.Errorf("%s:%d: %s has no meaning", jsonDocs, n+1, m[1])
		}
	}
	return ref
}

// sameFields reports the differences between the fields of the Go types and
// the reference's, for one section.
func sameFields(t *testing.T, section string, code, doc map[string]string) {
	t.Helper()
	for f, typ := range code {
		switch d, ok := doc[f]; {
		case !ok:
			t.Errorf("%s: %s (%s) is written but not in %s", section, f, typ, jsonDocs)
		case d != typ:
			t.Errorf("%s: %s is %s, %s says %s", section, f, typ, jsonDocs, d)
		}
	}
	for f := range doc {
		if _, ok := code[f]; !ok {
			t.Errorf("%s: %s is in %s but no longer written", section, f, jsonDocs)
		}
	}
}

// jsonCommands are the commands of the table whose --format takes json.
func jsonCommands() []string {
	var out []string
	for i := range commands {
		e := &env{cmd: &commands[i], stderr: io.Discard}
		f := e.flags().Lookup("format")
		if f == nil {
			continue
		}
		formats := commands[i].formats
		if ch, ok := f.Value.(*choice); ok {
			formats = ch.set
		}
		if slices.Contains(formats, present.FormatJSON) {
			out = append(out, commands[i].name)
		}
	}
	return out
}

// docs/json.md lists every field of every command's JSON with the type
// encoding/json writes for it: a field added, removed, renamed or retyped in
// the Go types fails here until the reference says so.
func TestJSONReferenceMatchesTypes(t *testing.T) {
	ref := readJSONReference(t)
	if got := slices.Sorted(maps.Keys(jsonResults)); !slices.Equal(got, slices.Sorted(slices.Values(jsonCommands()))) {
		t.Fatalf("jsonResults has %v; the commands that write JSON are %v", got, jsonCommands())
	}
	if !slices.Equal(slices.Sorted(slices.Values(ref.commands)), slices.Sorted(maps.Keys(jsonResults))) {
		t.Errorf("%s documents the commands %v; the commands that write JSON are %v", jsonDocs, ref.commands, jsonCommands())
	}
	envelope := map[string]string{}
	structFields(reflect.TypeFor[jsonDocument](), envelope, jsonObjects{})
	sameFields(t, "the envelope", envelope, ref.types[""])

	objs := jsonObjects{}
	for name, typ := range jsonResults {
		sameFields(t, name, map[string]string{"result": jsonType(typ, objs)}, ref.types[name])
	}
	if !slices.Equal(slices.Sorted(slices.Values(ref.objects)), slices.Sorted(maps.Keys(objs))) {
		t.Errorf("%s describes the objects %v; the commands write %v", jsonDocs, slices.Sorted(slices.Values(ref.objects)), slices.Sorted(maps.Keys(objs)))
	}
	for name, fields := range objs {
		sameFields(t, name, fields, ref.types[name])
	}
}

// Every command's JSON on the samples is what the reference says: the
// envelope with this schema_version, every object with exactly its
// documented fields, each of its documented type; null only where the type
// or the meaning allows it.
func TestJSONOutputsFollowReference(t *testing.T) {
	ref := readJSONReference(t)
	operands := map[string][]string{"unit": {"thanh khe"}}
	for _, name := range jsonCommands() {
		for _, sample := range []string{"city", "ministries-2023"} {
			t.Run(name+"/"+sample, func(t *testing.T) {
				args := append(append([]string{name}, operands[name]...), "--sample", sample, "--format", "json")
				if name == "unit" && sample == "ministries-2023" {
					args[1] = "Bộ Tư pháp"
				}
				out, errs, code := runCLI(t, args...)
				if code == exitData && name == "transitions" { // one year: nothing to compare
					return
				}
				if code != exitOK {
					t.Fatalf("exit %d: %s", code, errs)
				}
				var doc map[string]any
				if err := json.Unmarshal([]byte(out), &doc); err != nil {
					t.Fatal(err)
				}
				if doc["schema_version"] != float64(jsonSchemaVersion) || doc["command"] != name {
					t.Errorf("envelope: schema_version %v, command %v", doc["schema_version"], doc["command"])
				}
				for f := range doc {
					if _, ok := ref.types[""][f]; !ok {
						t.Errorf("the envelope has %q, not in %s", f, jsonDocs)
					}
				}
				ck := &jsonChecker{t: t, ref: ref, told: map[string]bool{}}
				ck.check("result", doc["result"], ref.types[name]["result"], false)
			})
		}
	}
}

// jsonChecker checks decoded JSON against the reference, telling each
// problem once per field rather than once per array element.
type jsonChecker struct {
	t    *testing.T
	ref  jsonReference
	told map[string]bool
}

var arrayIndex = regexp.MustCompile(`\[\d+\]`)

func (c *jsonChecker) errorf(path, format string, args ...any) {
	c.t.Helper()
	key := arrayIndex.ReplaceAllString(path, "[]") + " " + format
	if !c.told[key] {
		c.told[key] = true
		c.t.Errorf("%s: "+format, append([]any{path}, args...)...)
	}
}

// check checks a decoded value at path against a type of the reference.
func (c *jsonChecker) check(path string, v any, typ string, nullOK bool) {
	c.t.Helper()
	ref := c.ref
	if base, ok := strings.CutSuffix(typ, " or null"); ok {
		typ, nullOK = base, true
	}
	if v == nil {
		if !nullOK {
			c.errorf(path, "null, and %s does not say it can be", jsonDocs)
		}
		return
	}
	bad := func() { c.errorf(path, "%T %v, documented as %s", v, v, typ) }
	switch {
	case typ == "any":
	case typ == "string":
		if _, ok := v.(string); !ok {
			bad()
		}
	case typ == "boolean":
		if _, ok := v.(bool); !ok {
			bad()
		}
	case typ == "number" || typ == "integer":
		if n, ok := v.(float64); !ok || typ == "integer" && n != math.Trunc(n) {
			bad()
		}
	case typ == "object":
		if _, ok := v.(map[string]any); !ok {
			bad()
		}
	case strings.HasPrefix(typ, "array of "):
		a, ok := v.([]any)
		if !ok {
			bad()
			return
		}
		for i, x := range a {
			c.check(fmt.Sprintf("%s[%d]", path, i), x, strings.TrimPrefix(typ, "array of "), false)
		}
	case strings.HasPrefix(typ, "object of "):
		m, ok := v.(map[string]any)
		if !ok {
			bad()
			return
		}
		for k, x := range m {
			c.check(path+"."+k, x, strings.TrimPrefix(typ, "object of "), false)
		}
	default: // a documented object
		fields, known := ref.types[typ]
		m, ok := v.(map[string]any)
		if !known || !ok {
			bad()
			return
		}
		for f := range m {
			if _, ok := fields[f]; !ok {
				c.errorf(path, "%s is written but not documented in %s's %s", f, jsonDocs, typ)
			}
		}
		for f, ft := range fields {
			x, ok := m[f]
			if !ok {
				c.errorf(path, "%s is documented in %s but missing", f, typ)
				continue
			}
			c.check(path+"."+f, x, ft, strings.Contains(ref.meanings[typ][f], "null"))
		}
	}
}
