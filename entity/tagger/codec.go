package tagger

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
)

// The model file: a magic string, then little-endian fields and uvarints.
// formatVersion changes whenever features or hashing change, so an old model
// is refused rather than silently misread.
const (
	magic         = "BYLINE-NER\n"
	formatVersion = 7
)

// Encode writes the model in byline's model format.
func (m *Model) Encode(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	u32 := func(v uint32) { binary.LittleEndian.PutUint32(buf[:4], v); bw.Write(buf[:4]) }
	u64 := func(v uint64) { binary.LittleEndian.PutUint64(buf[:8], v); bw.Write(buf[:8]) }
	bw.WriteString(magic)
	uv(formatVersion)
	uv(uint64(m.bits))
	uv(uint64(len(m.layers)))
	for _, l := range m.layers {
		hist := uint64(0)
		if l.hist {
			hist = 1
		}
		uv(hist)
		u32(math.Float32bits(l.scale))
		for _, t := range l.trans {
			u32(math.Float32bits(t))
		}
	}
	var used []uint32
	for r, p := range m.index {
		if p != 0 {
			used = append(used, uint32(r))
		}
	}
	uv(uint64(len(used)))
	prev := uint32(0)
	for _, r := range used {
		uv(uint64(r - prev))
		prev = r
		p := int(m.index[r])
		for li := range m.layers {
			for _, v := range m.row(li, p) {
				binary.LittleEndian.PutUint16(buf[:2], uint16(v))
				bw.Write(buf[:2])
			}
		}
	}
	keys := make([]uint64, 0, len(m.lk.clusters))
	for k := range m.lk.clusters {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	uv(uint64(len(keys)))
	for _, k := range keys {
		u64(k)
		u32(m.lk.clusters[k])
	}
	keys = keys[:0]
	for k := range m.lk.gaz {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	uv(uint64(m.lk.gazMax))
	uv(uint64(len(keys)))
	for _, k := range keys {
		u64(k)
		bw.WriteByte(m.lk.gaz[k])
	}
	keys = keys[:0]
	for k := range m.lk.fine {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	uv(uint64(len(keys)))
	for _, k := range keys {
		u64(k)
		bw.WriteByte(m.lk.fine[k])
	}
	uv(uint64(m.lk.curatedMax))
	if m.sub == nil {
		uv(0)
		return bw.Flush()
	}
	uv(1)
	u32(math.Float32bits(m.sub.scale))
	u32(math.Float32bits(m.sub.margin))
	var subRows []uint32
	for r := 0; r < 1<<subBits; r++ {
		for _, v := range m.sub.weights[r*numFine : (r+1)*numFine] {
			if v != 0 {
				subRows = append(subRows, uint32(r))
				break
			}
		}
	}
	uv(uint64(len(subRows)))
	prev = 0
	for _, r := range subRows {
		uv(uint64(r - prev))
		prev = r
		for _, v := range m.sub.weights[int(r)*numFine : int(r+1)*numFine] {
			binary.LittleEndian.PutUint16(buf[:2], uint16(v))
			bw.Write(buf[:2])
		}
	}
	return bw.Flush()
}

// reader decodes the model format from a byte slice.
type reader struct {
	b   []byte
	err error
}

var errShort = errors.New("model file is truncated")

func (r *reader) take(n int) []byte {
	if r.err != nil || len(r.b) < n {
		r.err = errShort
		return make([]byte, n)
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) uv() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) u32() uint32 { return binary.LittleEndian.Uint32(r.take(4)) }
func (r *reader) u64() uint64 { return binary.LittleEndian.Uint64(r.take(8)) }

// Decode reads a model written by Encode.
func Decode(data []byte) (*Model, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, errors.New("decode ner model: not a byline NER model")
	}
	r := &reader{b: data[len(magic):]}
	// Version 6 is version 7 without the subtyper's section: such a model
	// still tags, in the four CoNLL types.
	v := r.uv()
	if v != formatVersion && v != 6 {
		return nil, fmt.Errorf("decode ner model: format version %d, want %d (retrain with go run ./entity/train)", v, formatVersion)
	}
	m := &Model{bits: uint(r.uv())}
	if m.bits < 8 || m.bits > 26 {
		return nil, fmt.Errorf("decode ner model: bad table size 2^%d", m.bits)
	}
	rows := 1 << m.bits
	nl := r.uv()
	if nl == 0 || nl > 2 {
		return nil, fmt.Errorf("decode ner model: %d layers", nl)
	}
	for range nl {
		l := layer{hist: r.uv() == 1, scale: math.Float32frombits(r.u32())}
		l.trans = make([]float32, (numTags+1)*numTags)
		for i := range l.trans {
			l.trans[i] = math.Float32frombits(r.u32())
		}
		m.layers = append(m.layers, l)
	}
	n := r.uv()
	if r.err != nil || n*uint64(nl)*2*numTags > uint64(len(r.b)) {
		return nil, fmt.Errorf("decode ner model: %w", errShort)
	}
	m.index = make([]uint32, rows)
	m.weights = make([]int16, (int(n)+1)*m.stride())
	row := uint64(0)
	for place := 1; place <= int(n); place++ {
		row += r.uv()
		if row >= uint64(rows) || (place > 1 && m.index[row] != 0) {
			return nil, errors.New("decode ner model: bad row")
		}
		m.index[row] = uint32(place)
		for li := range m.layers {
			src := r.take(2 * numTags)
			dst := m.row(li, place)
			for t := range dst {
				dst[t] = int16(binary.LittleEndian.Uint16(src[2*t:]))
			}
		}
	}
	m.indexRows()
	lk := &lookup{}
	n = r.uv()
	if r.err != nil || n > uint64(len(r.b)) {
		return nil, fmt.Errorf("decode ner model: %w", errShort)
	}
	lk.clusters = make(map[uint64]uint32, n)
	for range n {
		k := r.u64()
		lk.clusters[k] = r.u32()
	}
	lk.gazMax = int(r.uv())
	n = r.uv()
	if r.err != nil || n > uint64(len(r.b)) {
		return nil, fmt.Errorf("decode ner model: %w", errShort)
	}
	lk.gaz = make(map[uint64]uint8, n)
	for range n {
		k := r.u64()
		lk.gaz[k] = r.take(1)[0]
	}
	lk.gazKeys = newHashFilter(lk.gaz)
	n = 0
	if v == formatVersion {
		n = r.uv()
	}
	if r.err != nil || n > uint64(len(r.b)) {
		return nil, fmt.Errorf("decode ner model: %w", errShort)
	}
	lk.fine = make(map[uint64]uint8, n)
	for range n {
		k := r.u64()
		lk.fine[k] = r.take(1)[0]
	}
	if v == formatVersion {
		lk.curatedMax = int(min(r.uv(), 64))
	}
	if v == formatVersion && r.uv() == 1 {
		sub := &subtyper{scale: math.Float32frombits(r.u32()), margin: math.Float32frombits(r.u32())}
		sub.weights = make([]int16, (1<<subBits)*numFine)
		n = r.uv()
		if r.err != nil || n*2*numFine > uint64(len(r.b)) {
			return nil, fmt.Errorf("decode ner model: %w", errShort)
		}
		row := uint64(0)
		for range n {
			row += r.uv()
			if row >= 1<<subBits {
				return nil, errors.New("decode ner model: bad subtyper row")
			}
			src := r.take(2 * numFine)
			for t := range numFine {
				sub.weights[int(row)*numFine+t] = int16(binary.LittleEndian.Uint16(src[2*t:]))
			}
		}
		m.sub = sub
	}
	if r.err != nil {
		return nil, fmt.Errorf("decode ner model: %w", r.err)
	}
	m.lk = lk
	return m, nil
}
