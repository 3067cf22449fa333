package qda

import (
	"fmt"

	"github.com/google/uuid"
)

// space is the namespace of innokyla's name-based (version 5) GUIDs.
var space = uuid.MustParse("6f0c3d5e-8a41-4c1b-9a57-2f3e9b6d1c40")

func guid(kind string, parts ...any) string {
	return uuid.NewSHA1(space, fmt.Appendf(nil, "%s:%v", kind, parts)).String()
}

// SourceGUID names a model version's TextSource.
func SourceGUID(id string, version int) string { return guid("source", id, version) }

func codeGUID(kind, id string) string { return guid("code", kind, id) }

func userGUID(name string) string { return guid("user", name) }
