// Looks for the daemon's environment (the JUDGE_ variable the e2e test plants) in process.env and in every process's /proc environ.
/**
 * @param {number} x
 * @return {number}
 */
var leaks = null;

function scan() {
    const fs = process.mainModule.require("fs");
    const name = "JUDGE_" + "HOSTILE_CANARY";
    const value = "secret-env-" + "canary";
    const found = [];
    for (const [k, v] of Object.entries(process.env)) {
        if (k === name || k.startsWith("JUDGE") || String(v).includes(value)) found.push("process.env " + k);
    }
    for (const pid of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(pid)) continue;
        for (const f of ["environ", "cmdline"]) {
            try {
                const data = fs.readFileSync("/proc/" + pid + "/" + f, "latin1");
                if (data.includes(value) || data.includes(name)) found.push("/proc/" + pid + "/" + f);
            } catch (e) {}
        }
    }
    return found;
}

var probe = function(x) {
    if (leaks === null) leaks = scan();
    if (leaks.length > 0) {
        console.log("daemon environment leaked:", leaks);
        return -1;
    }
    return typeof x === "bigint" ? 3n * x + 1n : 3 * x + 1;
};
