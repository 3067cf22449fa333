package index

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"path/filepath"
	"time"

	"github.com/blevesearch/bleve/v2/util"
	zap "github.com/blevesearch/zapx/v17"
)

// writeRoot writes scorch's root.bolt into dir: one snapshot holding segs
// (files in dir, named by id) and the internal values, as scorch's own
// persister writes it (bleve v2 keeps no API that opens an index on
// segments built elsewhere). store is where dir will be, the root's
// context for its file writer. TestBuildMatchesOnline opens what it
// writes and takes more batches into it.
func writeRoot(dir, store string, plugin *zap.ZapPlugin, segs []uint64, internal map[string][]byte) error {
	db, err := util.OpenBolt(filepath.Join(dir, "root.bolt"), 0o600, nil)
	if err != nil {
		return fmt.Errorf("write root: %w", err)
	}
	err = db.Update(func(tx *util.BoltTxImpl) error {
		snaps, err := tx.CreateBucketIfNotExists(util.BoltSnapshotsBucket)
		if err != nil {
			return err
		}
		snap, err := snaps.CreateBucketIfNotExists(orderedUvarint(1)) // the first epoch
		if err != nil {
			return err
		}
		meta, err := snap.CreateBucketIfNotExists(util.BoltMetaDataKey)
		if err != nil {
			return err
		}
		if err := meta.Put(util.BoltMetaDataSegmentTypeKey, []byte(plugin.Type()), nil); err != nil {
			return err
		}
		if err := meta.Put(util.BoltMetaDataSegmentVersionKey, binary.BigEndian.AppendUint32(nil, plugin.Version()), nil); err != nil {
			return err
		}
		w, err := util.NewFileWriter([]byte(filepath.Join(store, "root.bolt")))
		if err != nil {
			return err
		}
		if err := meta.Put(util.BoltMetaDataFileWriterIDKey, []byte(w.Id()), w); err != nil {
			return err
		}
		ts, err := time.Now().MarshalText()
		if err != nil {
			return err
		}
		if err := meta.Put(util.BoltMetaDataTimeStamp, ts, w); err != nil {
			return err
		}
		in, err := snap.CreateBucketIfNotExists(util.BoltInternalKey)
		if err != nil {
			return err
		}
		for k, v := range internal {
			if err := in.Put([]byte(k), v, w); err != nil {
				return err
			}
		}
		for _, id := range segs {
			b, err := snap.CreateBucketIfNotExists(orderedUvarint(id))
			if err != nil {
				return err
			}
			if err := b.Put(util.BoltPathKey, []byte(segName(id)), w); err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write root: %w", err)
	}
	return nil
}

// orderedUvarint is scorch's key for a snapshot or segment number: a
// number up to 109 is one byte, 136 plus the number; a larger one is a
// byte telling its length (245 plus the bytes) and its big-endian bytes.
func orderedUvarint(v uint64) []byte {
	const zero, small, lenBase = 136, 109, 245
	if v <= small {
		return []byte{byte(zero + v)}
	}
	n := (bits.Len64(v) + 7) / 8
	b := make([]byte, 0, 1+n)
	b = append(b, byte(lenBase+n))
	for i := n - 1; i >= 0; i-- {
		b = append(b, byte(v>>(8*i)))
	}
	return b
}

// segName is the file name scorch gives segment id.
func segName(id uint64) string { return fmt.Sprintf("%012x.zap", id) }
