const data: string[] = require("fs").readFileSync(0, "utf8").split(/\s+/).filter(Boolean);
// Solve the problem: read the input from data, print the answer with console.log.
