package main

import (
	"io"

	"github.com/parlens/parlens/analysis/present"
)

// jsonSchemaVersion is the version of the JSON contract, docs/json.md. It
// goes up when a field is removed or renamed or changes type or meaning; a
// new field does not change it (readers ignore fields they do not know).
const jsonSchemaVersion = 1

// jsonDocument is every JSON document a command prints: the contract's
// version and the command around the command's result, so that a reader
// can check the version before it reads the result.
type jsonDocument struct {
	SchemaVersion int    `json:"schema_version"`
	Command       string `json:"command"`
	Result        any    `json:"result"`
}

// writeJSON writes a command's result as a JSON document (present.WriteJSON
// inside the envelope).
func writeJSON(w io.Writer, command string, result any) error {
	return present.WriteJSON(w, jsonDocument{jsonSchemaVersion, command, result})
}
