package data

// CheckConsistent is checkConsistent for the external tests (FuzzLoadXLSX).
var CheckConsistent = checkConsistent
