#!/usr/bin/env node
// Regenerates the TypeScript types for every .proto under proto/strata into proto/generated.
// With --check it generates into a temporary folder and fails when proto/generated differs, so a
// .proto change without regenerated types cannot land.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const protoRoot = dirname(fileURLToPath(import.meta.url));
const outDir = join(protoRoot, 'generated');
const check = process.argv.includes('--check');

function walk(dir, pick) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path, pick);
    return pick(path) ? [path] : [];
  });
}

function generate(target) {
  const protos = walk(join(protoRoot, 'strata'), (p) => p.endsWith('.proto')).map((p) =>
    relative(protoRoot, p),
  );
  const require = createRequire(import.meta.url);
  const bin = require.resolve('@grpc/proto-loader/build/bin/proto-loader-gen-types.js');
  rmSync(target, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      bin,
      '--grpcLib=@grpc/grpc-js',
      '--longs=Number',
      '--enums=String',
      '--defaults',
      '--oneofs',
      '--importFileExtension=.js',
      '-I',
      protoRoot,
      '-O',
      target,
      ...protos,
    ],
    { cwd: protoRoot, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  // The generator writes each source's absolute path into a header; keep it relative so the output
  // is the same in every checkout.
  for (const file of walk(target, (p) => p.endsWith('.ts'))) {
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replaceAll(`Original file: ${protoRoot}/`, 'Original file: proto/'));
  }
  // Formatted like the rest of the tree so format:check holds for generated files too.
  const prettier = require.resolve('prettier/bin/prettier.cjs');
  execFileSync(
    process.execPath,
    [prettier, '--log-level=warn', '--write', ...walk(target, (p) => p.endsWith('.ts'))],
    {
      stdio: 'inherit',
    },
  );
}

if (!check) {
  generate(outDir);
  process.exit(0);
}

// prettier resolves its config from the file's folder: generate the copy inside proto/.
const staging = join(protoRoot, 'generated-check');
try {
  generate(staging);
  const list = (dir) =>
    walk(dir, () => true)
      .map((p) => relative(dir, p))
      .sort();
  const want = list(staging);
  const have = list(outDir);
  const differs = (f) =>
    !have.includes(f) ||
    readFileSync(join(staging, f), 'utf8') !== readFileSync(join(outDir, f), 'utf8');
  const stale = [...want.filter(differs), ...have.filter((f) => !want.includes(f))];
  if (stale.length > 0) {
    console.error(`proto/generated is stale (run npm run proto:gen): ${stale.join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log('proto/generated is up to date');
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
}
