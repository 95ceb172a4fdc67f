const lines = require("fs").readFileSync(0, "utf8").split("\n");
const out = [];
for (const line of lines) {
  const parts = line.trim().split(/\s+/);
  if (parts.length !== 2) continue;
  const d = BigInt(parts[0]) - BigInt(parts[1]);
  out.push((d < 0n ? -d : d).toString());
}
console.log(out.join("\n"));
