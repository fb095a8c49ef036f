// Print the Khronos glTF Validator's JSON report for one .glb/.gltf file.
// Usage: node scripts/validate_gltf.mjs model.glb
// Exit status: 0 when the report has no errors, 1 when it has, 2 when it could not run.
import { readFile } from "node:fs/promises";
import path from "node:path";
import validator from "gltf-validator";

const file = process.argv[2];
if (!file) {
  console.error("usage: node scripts/validate_gltf.mjs <file.glb|file.gltf>");
  process.exit(2);
}
const folder = path.dirname(path.resolve(file));

try {
  const data = new Uint8Array(await readFile(file));
  const report = await validator.validateBytes(data, {
    uri: path.basename(file),
    maxIssues: 100,
    // External buffers and images of a .gltf are read from beside it, never from elsewhere.
    externalResourceFunction: async (uri) => {
      const target = path.resolve(folder, decodeURIComponent(uri));
      if (!target.startsWith(folder + path.sep)) {
        throw new Error(`${uri} is outside the model's folder`);
      }
      return new Uint8Array(await readFile(target));
    },
  });
  console.log(JSON.stringify(report, null, 2));
  process.exit(report.issues.numErrors > 0 ? 1 : 0);
} catch (error) {
  console.error(`validator failed: ${error}`);
  process.exit(2);
}
