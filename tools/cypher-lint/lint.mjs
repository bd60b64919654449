// Lints Cypher statements with Neo4j's own parser and semantic analysis (@neo4j-cypher/language-support) for both
// Cypher 5 and Cypher 25. scripts/cypher-lint.sh installs the pinned package and runs this file; see docs/testing.md.
//
//   node lint.mjs --modules DIR STATEMENTS.json   lints [{name, text}], prints each diagnostic, exits 1 on any
//   node lint.mjs --modules DIR --self-test       proves the lint tells a broken statement from a good one
//
// The lint runs without a database schema, so two kinds of diagnostic are accepted: undeclared parameters (values
// arrive as parameters at run time) and "... is not present in the database" warnings about labels, relationship
// types or properties (there is no database to know them). Every other error or warning fails.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const versions = ['CYPHER 5', 'CYPHER 25'];
const schemaLess = /^(Label|Relationship type|Label or relationship type|Property) .* is not present in the database\b/;

function loadLinter(modulesDir) {
  const require = createRequire(path.join(path.resolve(modulesDir), 'noop.js'));
  return require('@neo4j-cypher/language-support');
}

function isAccepted(support, diagnostic) {
  return !support.isNotParamError(diagnostic) || schemaLess.test(diagnostic.message);
}

function lint(support, statement, version) {
  const { diagnostics } = support.lintCypherQuery(statement.text, { defaultLanguage: version });
  return diagnostics.map((d) => ({ ...d, accepted: isAccepted(support, d) }));
}

function where(text, diagnostic) {
  const line = diagnostic.range.start.line;
  const column = diagnostic.range.start.character;
  const source = text.split('\n')[line] ?? '';
  return `line ${line + 1}, column ${column + 1}: ${source.trim()}`;
}

function run(support, statements) {
  let failed = 0;
  let accepted = 0;
  const failedStatements = new Set();
  for (const statement of statements) {
    for (const version of versions) {
      for (const d of lint(support, statement, version)) {
        if (d.accepted) {
          accepted++;
          continue;
        }
        failed++;
        failedStatements.add(statement.name);
        const severity = d.severity === 1 ? 'error' : 'warning';
        console.log(`cypher-lint: FAIL ${statement.name} [${version}] ${severity}: ${d.message}`);
        console.log(`    at ${where(statement.text, d)}`);
      }
    }
  }
  console.log(
    `cypher-lint: ${statements.length} statements checked for ${versions.join(' and ')}: ` +
      `${statements.length - failedStatements.size} clean, ${failedStatements.size} with diagnostics ` +
      `(${failed} failing diagnostics; ${accepted} accepted: undeclared parameters or schema-less label/property warnings)`,
  );
  return failed === 0;
}

// A broken statement of each kind the lint must catch, and good ones it must pass: if the package stopped reporting
// (or the version option stopped working), this fails before the real statements are trusted.
function selfTest(support) {
  const mustFail = [
    { name: 'syntax error', text: 'MATCH (n) RETURN n LIMIT', versions },
    { name: 'exists() on a property', text: 'MATCH (n:A) WHERE exists(n.x) RETURN n', versions },
    { name: '3.x index syntax', text: 'CREATE INDEX ON :A(x)', versions },
    { name: 'undefined variable', text: 'MATCH (n:A) RETURN m', versions },
    { name: 'deprecated id()', text: 'MATCH (n:A) RETURN id(n) AS i', versions },
  ];
  const mustPass = [
    { name: 'parameters only', text: 'UNWIND $rows AS row MERGE (n:A {k: row.k}) SET n += row.props RETURN count(*) AS c' },
    { name: 'modern schema', text: 'CREATE INDEX a_x IF NOT EXISTS FOR (n:A) ON (n.x)' },
  ];
  let ok = true;
  // The version option must reach the analyser: 3.x index syntax gets a different error from each version's grammar.
  const [five, twentyFive] = versions.map((v) => lint(support, mustFail[2], v).map((d) => d.message).join());
  if (five === twentyFive) {
    console.log('cypher-lint: self-test FAILED: Cypher 5 and Cypher 25 gave the same diagnostics; the version option is ignored');
    ok = false;
  }
  for (const c of mustFail) {
    for (const version of c.versions) {
      const failing = lint(support, c, version).filter((d) => !d.accepted);
      if (failing.length === 0) {
        console.log(`cypher-lint: self-test FAILED: "${c.name}" was not reported for ${version}`);
        ok = false;
      }
    }
  }
  for (const c of mustPass) {
    for (const version of versions) {
      const failing = lint(support, c, version).filter((d) => !d.accepted);
      if (failing.length > 0) {
        console.log(`cypher-lint: self-test FAILED: "${c.name}" was reported for ${version}: ${failing[0].message}`);
        ok = false;
      }
    }
  }
  console.log(`cypher-lint: self-test ${ok ? 'passed' : 'failed'} (${mustFail.length} broken statements caught, ${mustPass.length} good ones passed)`);
  return ok;
}

const args = process.argv.slice(2);
const modulesAt = args.indexOf('--modules');
if (modulesAt < 0 || !args[modulesAt + 1]) {
  console.error('usage: lint.mjs --modules NODE_MODULES_DIR (--self-test | STATEMENTS.json)');
  process.exit(2);
}
const support = loadLinter(args[modulesAt + 1]);
const rest = args.filter((_, i) => i !== modulesAt && i !== modulesAt + 1);
if (rest[0] === '--self-test') {
  process.exit(selfTest(support) ? 0 : 1);
}
if (!rest[0]) {
  console.error('usage: lint.mjs --modules NODE_MODULES_DIR STATEMENTS.json');
  process.exit(2);
}
const statements = JSON.parse(readFileSync(rest[0], 'utf8'));
if (!Array.isArray(statements) || statements.length === 0) {
  console.log(`cypher-lint: ${rest[0]} lists no statements; the catalog test did not write it`);
  process.exit(1);
}
process.exit(run(support, statements) ? 0 : 1);
