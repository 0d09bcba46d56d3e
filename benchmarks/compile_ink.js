// Compile an .ink file with inkjs's compiler (npm install inkjs), as benchmarks/large_packs.py
// times it: `node compile_ink.js STORY.ink` prints the compiled story's size, or the errors.
const fs = require("fs");
const { Compiler } = require("inkjs/full");

const source = fs.readFileSync(process.argv[2], "utf8");
const compiler = new Compiler(source);
const story = compiler.Compile();
const errors = compiler.errors || [];
if (errors.length) {
  console.error(errors.slice(0, 5).join("\n"));
  process.exit(1);
}
console.log(`compiled: ${story.ToJson().length} characters of JSON, ${compiler.warnings.length} warnings`);
