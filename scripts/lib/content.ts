/**
 * Reads content/ (taxonomy, clause model, reference lists, stances, overrides, schools, templates) into the bundle the pure
 * pipeline takes. Broken content that the whole run depends on (the taxonomy) stops the run with a message
 * naming the file; a bad row in a user's list (a school, an override) is reported and skipped.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { csvParse } from 'd3';
import { parse as parseYaml } from 'yaml';
import { loadTaxonomy, TaxonomyError } from '../../src/pipeline/taxonomy/index.ts';
import { loadReferences, ReferenceListError } from '../../src/pipeline/references/index.ts';
import { loadStanceDefs, StanceDefsError } from '../../src/pipeline/analyse/stances/index.ts';
import { parseOverrides } from '../../src/pipeline/run/overrides.ts';
import { loadClauseModel } from '../../src/pipeline/classify/model.ts';
import type { ClauseModel } from '../../src/pipeline/classify/model-schema.ts';
import { schoolRowSchema, type ContentBundle, type SchoolRow, type TemplateSource } from '../../src/pipeline/run/content.ts';

export class ContentError extends Error {}

export interface ContentWarning {
  file: string;
  message: string;
}

async function readYaml(path: string, required: boolean): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    if (required) throw new ContentError(`${path} is missing`);
    return undefined;
  }
  try {
    return parseYaml(text);
  } catch (e) {
    throw new ContentError(`${path} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** The learned clause model, if the content has one; a broken file stops the run (labels would silently change). */
async function loadModel(path: string): Promise<ClauseModel | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    return loadClauseModel(JSON.parse(text) as unknown, path);
  } catch (e) {
    throw new ContentError(`${path} is not a valid clause model (run \`npm run train\` to rebuild it): ${(e as Error).message.split('\n')[0]}`);
  }
}

async function loadSchools(path: string, warnings: ContentWarning[]): Promise<SchoolRow[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  const rows: SchoolRow[] = [];
  const seen = new Set<string>();
  csvParse(text.replace(/^\uFEFF/, '')).forEach((raw, i) => {
    const parsed = schoolRowSchema.safeParse(raw);
    if (!parsed.success) {
      warnings.push({ file: path, message: `row ${i + 2} skipped: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
    } else if (seen.has(parsed.data.school_id)) {
      warnings.push({ file: path, message: `row ${i + 2} skipped: school_id "${parsed.data.school_id}" is listed twice` });
    } else {
      seen.add(parsed.data.school_id);
      rows.push(parsed.data);
    }
  });
  return rows;
}

async function loadTemplates(dir: string): Promise<TemplateSource[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.startsWith('.') && !/readme/i.test(n)).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name) => ({ fileName: name, bytes: new Uint8Array(await readFile(join(dir, name))) })),
  );
}

export async function loadContent(
  contentDir: string,
  schoolsFile: string | null,
): Promise<{ bundle: ContentBundle; warnings: ContentWarning[] }> {
  const warnings: ContentWarning[] = [];
  const taxDir = join(contentDir, 'taxonomy');
  const cueFiles = [...(await yamlFilesIn(join(taxDir, 'cues')))];
  const singleCues = await readYaml(join(taxDir, 'cues.yaml'), false);
  const cues = [...(await Promise.all(cueFiles.map((f) => readYaml(f, true)))), ...(singleCues ? [singleCues] : [])];
  let taxonomy;
  try {
    taxonomy = loadTaxonomy(
      await readYaml(join(taxDir, 'types.yaml'), true),
      cues,
      await readYaml(join(taxDir, 'guidance.yaml'), false),
    );
  } catch (e) {
    if (e instanceof TaxonomyError) throw new ContentError(`the taxonomy in ${taxDir} is invalid: ${e.message}`);
    throw e;
  }

  const model = await loadModel(join(contentDir, 'model/clause-model.json'));

  const refFiles = await yamlFilesIn(join(contentDir, 'references'));
  const stancesPath = join(contentDir, 'stances.yaml');
  const stancesSource = await readYaml(stancesPath, true);
  let references;
  let stances;
  try {
    references = loadReferences(
      await Promise.all(refFiles.map((f) => readYaml(f, true))),
      refFiles.map((f) => relative(contentDir, f)),
    );
    stances = loadStanceDefs(stancesSource);
  } catch (e) {
    if (e instanceof ReferenceListError || e instanceof StanceDefsError) throw new ContentError(e.message);
    throw e;
  }

  const overridesPath = join(contentDir, 'overrides.yaml');
  const overrides = parseOverrides(await readYaml(overridesPath, false));
  for (const problem of overrides.problems) warnings.push({ file: relative('.', overridesPath), message: problem });

  const schools = await loadSchools(schoolsFile ?? join(contentDir, 'schools.csv'), warnings);
  const templates = await loadTemplates(join(contentDir, 'templates'));
  return {
    bundle: { taxonomy, model, references, stances, stancesSource, overrides: overrides.value, schools, templates },
    warnings,
  };
}
