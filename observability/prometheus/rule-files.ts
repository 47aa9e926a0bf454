import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RULES_DIR } from '../artifacts';
import type { AlertingRule, RecordingRule, RuleGroup } from './slo-rules';

export interface RuleFile {
  path: string;
  groups: RuleGroup[];
}

/** Every rule file Prometheus loads, locally (`npm run observe`) and on Amazon Managed Service for Prometheus. */
export function ruleFilePaths(): string[] {
  return readdirSync(RULES_DIR)
    .filter((file) => file.endsWith('.rules.yml'))
    .sort()
    .map((file) => join(RULES_DIR, file));
}

export function loadRuleFiles(): RuleFile[] {
  return ruleFilePaths().map((path) => ({ path, groups: (parse(readFileSync(path, 'utf8')) as RuleFile).groups }));
}

export function allRules(files: RuleFile[] = loadRuleFiles()): (RecordingRule | AlertingRule)[] {
  return files.flatMap((file) => file.groups.flatMap((group) => group.rules));
}

export function isAlert(rule: RecordingRule | AlertingRule): rule is AlertingRule {
  return 'alert' in rule;
}
