package judge

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/judgehq/judge/judge/api"
)

// backupHandler answers GET /api/v1/admin/backup (admin) with a consistent
// snapshot of the database as one SQLite file, while the daemon goes on
// storing and judging submissions. The snapshot is written to a temporary
// file next to the database first (unlinked at once, so nothing is left
// behind), so that its size and contents are known before the answer
// starts; snapshots are taken one at a time.
func (s *Server) backupHandler() http.HandlerFunc {
	var mu sync.Mutex
	return func(w http.ResponseWriter, r *http.Request) {
		u := requireAdmin(w, r)
		if u == nil {
			return
		}
		mu.Lock()
		f, info, err := s.store.SnapshotTemp(r.Context())
		mu.Unlock()
		if err != nil {
			if r.Context().Err() != nil {
				return // the client went away
			}
			s.internalError(w, "take a backup", err)
			return
		}
		defer f.Close()
		s.log.Info("backup", "user", u.Name, "bytes", info.Size, "submissions", info.Submissions,
			"schema", info.Schema, "took", info.Took)
		h := w.Header()
		h.Set("Content-Type", api.BackupContentType)
		h.Set("Content-Length", strconv.FormatInt(info.Size, 10))
		h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="judge-%s.db"`, info.TakenAt.UTC().Format("20060102T150405Z")))
		h.Set("Cache-Control", "no-store")
		h.Set(api.HeaderBackupSchema, strconv.Itoa(info.Schema))
		h.Set(api.HeaderBackupSubmissions, strconv.FormatInt(info.Submissions, 10))
		h.Set(api.HeaderBackupTakenAt, info.TakenAt.UTC().Format(time.RFC3339Nano))
		h.Set(api.HeaderBackupTook, info.Took.String())
		w.WriteHeader(http.StatusOK)
		if n, err := io.Copy(w, f); err != nil {
			s.log.Warn("backup not fully sent", "user", u.Name, "sent", n, "bytes", info.Size, "err", err)
		}
	}
}
