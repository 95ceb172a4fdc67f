package podman

import (
	"archive/tar"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/judgehq/judge/runtimes"
)

// InitPath is where judge-init lives in every runtime image.
const InitPath = runtimes.InitPath

//go:embed initbin
var initFS embed.FS

var loadInit = sync.OnceValues(func() ([]byte, error) {
	b, err := initFS.ReadFile("initbin/judge-init")
	if err != nil {
		return nil, errors.New("this judge binary was built without judge-init: build it with `make build`")
	}
	return b, nil
})

// InitBinary returns the embedded judge-init, for runs on the host (see
// runtimes.InitPath).
func InitBinary() ([]byte, error) { return loadInit() }

// initVersion identifies the embedded judge-init, for image labels: an
// image built with another one must be rebuilt.
func initVersion() string {
	b, err := loadInit()
	if err != nil {
		return "none"
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:6])
}

// withInit copies the root file system tarball rootfs to w with judge-init
// added at InitPath.
func withInit(w io.Writer, rootfs io.Reader) error {
	bin, err := loadInit()
	if err != nil {
		return err
	}
	tr := tar.NewReader(rootfs)
	tw := tar.NewWriter(w)
	for {
		hdr, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("read root file system: %w", err)
		}
		if hdr.Name == "."+InitPath || hdr.Name == InitPath[1:] {
			continue
		}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		if _, err := io.Copy(tw, tr); err != nil {
			return err
		}
	}
	if err := tw.WriteHeader(&tar.Header{
		Name: "." + InitPath, Mode: 0o755, Size: int64(len(bin)),
		Typeflag: tar.TypeReg, ModTime: time.Unix(0, 0), Format: tar.FormatPAX,
	}); err != nil {
		return err
	}
	if _, err := tw.Write(bin); err != nil {
		return err
	}
	return tw.Close()
}
