package data

// UnitID is the identity the loader gives a unit from its own row: its code
// when it has one, else its folded name marked with "~" so that a name never
// equals a code. (The loader may still give a record without a code the code
// another row of the same name carries, or the one units.csv names.)
func UnitID(code, name string) string {
	if code != "" {
		return code
	}
	return nameID(Fold(name))
}

// nameID is the identity of a unit known only by its folded name.
func nameID(folded string) string { return "~" + folded }
