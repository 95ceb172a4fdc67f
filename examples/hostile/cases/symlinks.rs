// Plants symlinks and hard links in /tmp that point at host paths (the host's canary file, the Podman store, /proc/1/root) and reads through them.
use std::os::unix::fs::symlink;

static mut HOLES: i64 = -1;

fn scan() -> i64 {
    let mut holes = 0;
    // Built at run time, so that this source does not contain it.
    let needle = format!("judge-{}-{}", "hostile", "canary");
    let dir = format!("/tmp/links-{}", std::process::id());
    let _ = std::fs::create_dir_all(&dir);
    let canary_targets = [
        format!("/tmp/{}", needle),
        format!("/proc/1/root/tmp/{}", needle),
        format!("/proc/self/root/../../../tmp/{}", needle),
        format!("../../../../../../tmp/{}", needle),
        format!("/proc/1/cwd/../../../../tmp/{}", needle),
        format!("/proc/self/cwd/../../../../tmp/{}", needle),
    ];
    let host_only = [
        "/var/lib/containers", "/run/podman", "/run/containers", "/var/cache/judge", "/work",
        "/home/judge-e2e", "/run/user/0", "/etc/containers", "/root/.local/share/judge",
    ];
    for (i, t) in canary_targets.iter().enumerate() {
        let link = format!("{}/c{}", dir, i);
        let _ = symlink(t, &link);
        if let Ok(b) = std::fs::read(&link) {
            if String::from_utf8_lossy(&b).contains(&needle) {
                println!("host canary read through {} -> {}", link, t);
                holes += 1;
            }
        }
    }
    for (i, t) in host_only.iter().enumerate() {
        let link = format!("{}/h{}", dir, i);
        let _ = symlink(t, &link);
        if std::fs::metadata(&link).is_ok() {
            println!("host path {} reachable through {}", t, link);
            holes += 1;
        }
    }
    // A hard link to a file outside /tmp would let it be changed from here.
    for (i, t) in ["/etc/passwd", "/usr/bin/env", "/proc/1/exe"].iter().enumerate() {
        let link = format!("{}/l{}", dir, i);
        if std::fs::hard_link(t, &link).is_ok() {
            println!("hard link to {} made", t);
            holes += 1;
        }
    }
    holes
}

impl Solution {
    pub fn probe(x: i64) -> i64 {
        unsafe {
            if HOLES < 0 {
                HOLES = scan();
            }
            if HOLES > 0 {
                return -1;
            }
        }
        3 * x + 1
    }
}
