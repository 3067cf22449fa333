package classify

// span is a half-open byte range of normalised text.
type span struct{ s, e int32 }

// abbreviations after which a full stop does not end a sentence.
var abbreviations = map[string]bool{
	"esim": true, "mm": true, "ns": true, "n": true, "ym": true, "yms": true, "jne": true,
	"tms": true, "ks": true, "vrt": true, "klo": true, "s": true, "v": true, "t": true,
	"tk": true, "nro": true, "puh": true, "tri": true, "prof": true, "ts": true,
}

// segment splits normalised text b into sentences and each sentence into
// clauses. Sentences end at . ! ? followed by space or end (not after an
// abbreviation or an ordinal number), and at line breaks; clauses end at
// , ; : and a spaced dash. orig lets it look at the original case.
func segment(nt *normText, orig string, sents []sentence, clauses []span) ([]sentence, []span) {
	b := nt.b
	sents, clauses = sents[:0], clauses[:0]
	start, cstart := -1, -1
	endSentence := func(e int) {
		if start >= 0 {
			clauses = appendClause(clauses, b, cstart, e)
			sents = append(sents, sentence{span: trim(b, start, e), c1: int32(len(clauses))})
		}
		start, cstart = -1, -1
	}
	for i := 0; i < len(b); i++ {
		c := b[i]
		if start < 0 {
			if c == ' ' || c == '\n' || c == '-' || c == '.' || c == ',' || c == ';' || c == ':' {
				continue
			}
			start, cstart = i, i
		}
		if !boundaryByte[c] {
			continue
		}
		followed := i+1 == len(b) || b[i+1] == ' ' || b[i+1] == '\n' || b[i+1] == ')' || b[i+1] == '"'
		switch c {
		case '\n':
			endSentence(i)
		case '!', '?':
			if followed {
				endSentence(i + 1)
			}
		case '.':
			if followed && !noStop(nt, orig, i) {
				endSentence(i + 1)
			}
		case ',', ';', ':':
			if followed {
				clauses = appendClause(clauses, b, cstart, i)
				cstart = i + 1
			}
		case '-':
			if i > 0 && b[i-1] == ' ' && followed {
				clauses = appendClause(clauses, b, cstart, i)
				cstart = i + 1
			}
		}
	}
	endSentence(len(b))
	for i := range sents {
		if i > 0 {
			sents[i].c0 = sents[i-1].c1
		}
	}
	return sents, clauses
}

// boundaryByte marks the bytes that may end a sentence or clause.
var boundaryByte = [256]bool{'\n': true, '!': true, '?': true, '.': true, ',': true, ';': true, ':': true, '-': true}

// sentence is a sentence span with its clauses clauses[c0:c1].
type sentence struct {
	span
	c0, c1 int32
}

func appendClause(cl []span, b []byte, s, e int) []span {
	if s < 0 || s >= e {
		return cl
	}
	return append(cl, trim(b, s, e))
}

func trim(b []byte, s, e int) span {
	for s < e && (b[s] == ' ' || b[s] == '\n') {
		s++
	}
	for e > s && (b[e-1] == ' ' || b[e-1] == '\n') {
		e--
	}
	return span{int32(s), int32(e)}
}

// noStop reports whether the full stop at b[i] is not a sentence end: after
// an abbreviation or an ordinal ("2. vaiheessa"), unless the next word
// starts with a capital letter in the original.
func noStop(nt *normText, orig string, i int) bool {
	b := nt.b
	w := i
	for w > 0 && isWordByte(b[w-1]) {
		w--
	}
	word := b[w:i]
	digits := len(word) > 0
	for _, c := range word {
		digits = digits && '0' <= c && c <= '9'
	}
	if !digits && !abbreviations[string(word)] {
		return false
	}
	j := i + 1
	for j < len(b) && b[j] == ' ' {
		j++
	}
	if j >= len(b) || b[j] == '\n' {
		return false
	}
	o := nt.orig(int32(j))
	return !(orig[o] >= 'A' && orig[o] <= 'Z') && !(orig[o] >= 0xC3 && j+1 < len(b) && isUpperLatin(orig[o:]))
}

func isUpperLatin(s string) bool {
	return len(s) >= 2 && s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E // À..Þ
}
