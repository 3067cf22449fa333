package qda

import "encoding/xml"

// Namespace is the REFI-QDA project namespace.
const Namespace = "urn:QDA-XML:project:1.0"

// The XML of project.qde, in the schema's element order. Reading matches
// elements by local name, so a tool's other prefixes do not matter.
type (
	xProject struct {
		XMLName          xml.Name    `xml:"urn:QDA-XML:project:1.0 Project"`
		Name             string      `xml:"name,attr"`
		Origin           string      `xml:"origin,attr,omitempty"`
		CreatingUserGUID string      `xml:"creatingUserGUID,attr,omitempty"`
		CreationDateTime string      `xml:"creationDateTime,attr,omitempty"`
		Users            *xUsers     `xml:"Users"`
		CodeBook         *xCodeBook  `xml:"CodeBook"`
		Variables        *xVariables `xml:"Variables"`
		Sources          *xSources   `xml:"Sources"`
		Sets             *xSets      `xml:"Sets"`
		Description      string      `xml:"Description,omitempty"`
	}
	xUsers struct {
		User []xUser `xml:"User"`
	}
	xUser struct {
		GUID string `xml:"guid,attr"`
		Name string `xml:"name,attr,omitempty"`
	}
	xCodeBook struct {
		Codes xCodes `xml:"Codes"`
	}
	xCodes struct {
		Code []xCode `xml:"Code"`
	}
	xCode struct {
		GUID        string  `xml:"guid,attr"`
		Name        string  `xml:"name,attr"`
		IsCodable   bool    `xml:"isCodable,attr"`
		Color       string  `xml:"color,attr,omitempty"`
		Description string  `xml:"Description,omitempty"`
		Code        []xCode `xml:"Code"`
	}
	xVariables struct {
		Variable []xVariable `xml:"Variable"`
	}
	xVariable struct {
		GUID           string `xml:"guid,attr"`
		Name           string `xml:"name,attr"`
		TypeOfVariable string `xml:"typeOfVariable,attr"`
	}
	xSources struct {
		TextSource []xTextSource `xml:"TextSource"`
	}
	xTextSource struct {
		GUID             string                `xml:"guid,attr"`
		Name             string                `xml:"name,attr,omitempty"`
		PlainTextPath    string                `xml:"plainTextPath,attr,omitempty"`
		CreationDateTime string                `xml:"creationDateTime,attr,omitempty"`
		Description      string                `xml:"Description,omitempty"`
		PlainTextContent *string               `xml:"PlainTextContent"`
		Selections       []xPlainTextSelection `xml:"PlainTextSelection"`
		Coding           []xCoding             `xml:"Coding"`
		VariableValue    []xVariableValue      `xml:"VariableValue"`
	}
	xPlainTextSelection struct {
		GUID             string    `xml:"guid,attr"`
		Name             string    `xml:"name,attr,omitempty"`
		Start            int       `xml:"startPosition,attr"`
		End              int       `xml:"endPosition,attr"`
		CreatingUser     string    `xml:"creatingUser,attr,omitempty"`
		CreationDateTime string    `xml:"creationDateTime,attr,omitempty"`
		Description      string    `xml:"Description,omitempty"`
		Coding           []xCoding `xml:"Coding"`
	}
	xCoding struct {
		GUID             string `xml:"guid,attr"`
		CreatingUser     string `xml:"creatingUser,attr,omitempty"`
		CreationDateTime string `xml:"creationDateTime,attr,omitempty"`
		CodeRef          xRef   `xml:"CodeRef"`
	}
	xRef struct {
		TargetGUID string `xml:"targetGUID,attr"`
	}
	xVariableValue struct {
		VariableRef  xRef    `xml:"VariableRef"`
		TextValue    *string `xml:"TextValue"`
		IntegerValue *int    `xml:"IntegerValue"`
	}
	xSets struct {
		Set []xSet `xml:"Set"`
	}
	xSet struct {
		GUID         string `xml:"guid,attr"`
		Name         string `xml:"name,attr"`
		Description  string `xml:"Description,omitempty"`
		MemberSource []xRef `xml:"MemberSource"`
	}
)
