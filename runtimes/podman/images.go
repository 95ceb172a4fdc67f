package podman

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/containers/podman/v5/pkg/bindings/images"

	"github.com/judgehq/judge/runtimes"
)

// LabelRecipe carries the runtime recipe hash an image was built from, and
// the version of the judge-init in it.
const LabelRecipe = "io.judge.recipe"

// imageVersion is the LabelRecipe value of rt's image as this judge builds it.
func imageVersion(rt *runtimes.Runtime) string { return rt.RecipeHash() + "-init-" + initVersion() }

// BuildOptions configure BuildImage.
type BuildOptions struct {
	// CacheDir keeps the root file system tarballs, so that a second import
	// (another user's storage, another host) skips the package download.
	CacheDir string
	// Mirror is the Debian mirror to build from.
	Mirror string
	// Progress receives the build's log.
	Progress io.Writer
	// Force rebuilds the tarball even if one for the recipe is cached.
	Force bool
}

// DefaultMirror is the Debian mirror images are built from by default.
const DefaultMirror = "http://deb.debian.org/debian"

// BuildImage builds rt's root file system from Debian packages with
// mmdebstrap and imports it as rt's image into the Podman service.
func (s *Sandbox) BuildImage(ctx context.Context, rt *runtimes.Runtime, o BuildOptions) error {
	if o.Progress == nil {
		o.Progress = io.Discard
	}
	if o.Mirror == "" {
		o.Mirror = DefaultMirror
	}
	if err := os.MkdirAll(o.CacheDir, 0o755); err != nil {
		return err
	}
	tarball := filepath.Join(o.CacheDir, fmt.Sprintf("%s-%s.tar", rt.Name, rt.RecipeHash()))
	if _, err := os.Stat(tarball); err != nil || o.Force {
		if err := debootstrap(ctx, rt, o, tarball); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(o.Progress, "using cached root file system %s\n", tarball)
	}
	f, err := os.Open(tarball)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := loadInit(); err != nil {
		return err
	}
	conn, err := connect(ctx, s.uri)
	if err != nil {
		return err
	}
	// The image this one replaces, to remove once it is untagged.
	var oldID string
	if img, err := images.GetImage(conn, rt.ImageName(), nil); err == nil {
		oldID = img.ID
	}
	fmt.Fprintf(o.Progress, "importing %s into podman at %s\n", rt.ImageName(), s.uri)
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(withInit(pw, f)) }()
	report, err := images.Import(conn, pr, new(images.ImportOptions).
		WithReference(rt.ImageName()).
		WithMessage("judge runtime "+rt.Name).
		WithChanges([]string{
			"LABEL " + LabelRecipe + "=" + imageVersion(rt),
			"ENV PATH=/usr/local/bin:/usr/bin:/bin",
			"ENV LANG=C.UTF-8",
			"USER " + SandboxUser,
			"WORKDIR /tmp",
		}))
	pr.Close()
	if err != nil {
		return fmt.Errorf("import image %s: %w", rt.ImageName(), err)
	}
	if oldID != "" && !strings.HasPrefix(oldID, strings.TrimPrefix(report.Id, "sha256:")) {
		// Still in use by a running sandbox, it stays until the next build.
		images.Remove(conn, []string{oldID}, new(images.RemoveOptions).WithIgnore(true))
	}
	return nil
}

func debootstrap(ctx context.Context, rt *runtimes.Runtime, o BuildOptions, tarball string) error {
	bin, err := exec.LookPath("mmdebstrap")
	if err != nil {
		return errors.New("mmdebstrap is not installed; install it with: apt-get install mmdebstrap")
	}
	tmp := tarball + ".part"
	args := []string{
		"--variant=essential",
		"--include=" + strings.Join(rt.Image.Packages, ","),
		"--dpkgopt=path-exclude=/usr/share/man/*",
		// Some postinst scripts (openjdk's update-alternatives) install man
		// page links and fail when the directory they point into is missing.
		`--essential-hook=mkdir -p "$1/usr/share/man/man1"`,
		"--dpkgopt=path-exclude=/usr/share/doc/*",
		"--dpkgopt=path-exclude=/usr/share/info/*",
		"--dpkgopt=path-exclude=/usr/share/locale/*",
		"--format=tar",
		rt.Image.Suite, tmp, o.Mirror,
	}
	fmt.Fprintf(o.Progress, "building %s root file system: mmdebstrap %s\n", rt.Name, strings.Join(args, " "))
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = o.Progress, o.Progress
	if err := cmd.Run(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("mmdebstrap %s: %w", rt.Name, err)
	}
	return os.Rename(tmp, tarball)
}

// ImageStatus says whether rt's image is present and built from the current
// recipe.
type ImageStatus struct {
	Present bool
	Current bool
}

// Image reports the state of rt's image.
func (s *Sandbox) Image(ctx context.Context, rt *runtimes.Runtime) (ImageStatus, error) {
	conn, err := connect(ctx, s.uri)
	if err != nil {
		return ImageStatus{}, err
	}
	ok, err := images.Exists(conn, rt.ImageName(), nil)
	if err != nil || !ok {
		return ImageStatus{}, err
	}
	img, err := images.GetImage(conn, rt.ImageName(), nil)
	if err != nil {
		return ImageStatus{Present: true}, err
	}
	return ImageStatus{Present: true, Current: img.Labels[LabelRecipe] == imageVersion(rt)}, nil
}
