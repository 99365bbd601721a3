// Reads the two grade-batch examples (docs/examples), validates the Kubernetes Job against Kubernetes' own schema
// (kubernetes-models, from its OpenAPI definitions), checks that each names as many shards as it runs, and prints
// the shell commands each one runs, one per shard, then the merge: what validate-batch-examples.sh runs here.
// Usage: node batch-examples.mjs WORKFLOW JOB   (prints JSON: {"github": {...}, "kubernetes": {...}})
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import { Job } from "kubernetes-models/batch/v1";

const [workflowFile, jobFile] = process.argv.slice(2);
const fail = (why) => { console.error(`batch-examples: ${why}`); process.exit(1); };

const workflow = yaml.load(readFileSync(workflowFile, "utf8"));
const shards = workflow.jobs.grade.strategy.matrix.shard;
if (String(shards.length) !== String(workflow.env.SHARDS)) {
  fail(`${workflowFile}: a matrix of ${shards.length} shards, but SHARDS is ${workflow.env.SHARDS}`);
}
const step = (job, id) => workflow.jobs[job].steps.find((s) => s.id === id) ?? fail(`${workflowFile}: no step ${id}`);
const github = {
  env: workflow.env,
  shards: shards.map((k) => step("grade", "grade").run.replaceAll("${{ matrix.shard }}", String(k))),
  merge: step("merge", "merge").run,
};

const manifest = yaml.load(readFileSync(jobFile, "utf8"));
try {
  new Job(manifest).validate();
} catch (e) {
  fail(`${jobFile}: not a valid batch/v1 Job: ${e.message}`);
}
if (manifest.spec.completionMode !== "Indexed") {
  fail(`${jobFile}: completionMode must be Indexed`);
}
const container = manifest.spec.template.spec.containers[0];
const env = Object.fromEntries(container.env.map((e) => [e.name, e.value]));
if (String(manifest.spec.completions) !== env.SHARDS) {
  fail(`${jobFile}: ${manifest.spec.completions} completions, but SHARDS is ${env.SHARDS}`);
}
const kubernetes = {
  env,
  shell: [...container.command, ...container.args],
  indexes: [...Array(manifest.spec.completions).keys()],
};
console.log(JSON.stringify({ github, kubernetes }));
