import { FORMER_MEMBER } from './policy';
import { SplitReport, TableReport } from './split';

const number = (value: number) => value.toLocaleString('en-US');

/** The summary main.ts prints: per table what was found, copied and verified, then the policies applied. */
export function formatReport(report: SplitReport): string {
  const lines = [''];
  if (report.dryRun) {
    lines.push('Dry run: nothing was written. The split would copy:');
    for (const table of report.tables) {
      lines.push(
        `  ${table.label.padEnd(14)} ${number(table.legacyRows).padStart(11)} legacy rows, ${number(table.alreadyCopied)} copied before, ${number(table.legacyRows - table.alreadyCopied)} to copy`,
      );
    }
  } else {
    lines.push(
      report.verified
        ? `Split and verified in ${report.seconds.toFixed(1)} s.`
        : `Split done in ${report.seconds.toFixed(1)} s, but VERIFICATION FAILED: see the rows marked below.`,
    );
    lines.push('');
    lines.push(
      `  ${'table'.padEnd(14)} ${'legacy rows'.padStart(11)} ${'copied before'.padStart(13)} ${'copied now'.padStart(10)} ${'rows/s'.padStart(9)}  checksum (legacy / target)`,
    );
    for (const table of report.tables) lines.push(`  ${tableLine(table)}`);
  }
  lines.push('');
  const { merges, reattributed } = report;
  lines.push(
    merges.length === 0
      ? '  Accounts: no two emails differ only in case.'
      : `  Accounts: ${merges.length} whose email differs only in case from another's merged into the one used last ` +
          `(${merges.map((merge) => merge.email).join(', ')}); their ${reattributed.adoptions} adoptions and ` +
          `${reattributed.comments} comments now belong to it.`,
  );
  lines.push(
    `  Orphans: ${report.orphanComments} comments whose author was deleted in the monolith, kept without an author (user_id ${FORMER_MEMBER}).`,
  );
  const flags = report.flags;
  const unknown = flags.unknown.length
    ? `; ${flags.unknown.length} adopted mysfits NOT in the table: ${flags.unknown.join(', ')}`
    : '';
  if (report.dryRun) {
    lines.push(
      `  DynamoDB: ${flags.mysfits} mysfits, ${flags.adopted} adopted; ${flags.changes.length} Adopted flags would change${unknown}.`,
    );
  } else {
    const after = flags.flagsAfter;
    const agree = after && after.changes.length === 0 && after.unknown.length === 0;
    lines.push(
      `  DynamoDB: ${flags.mysfits} mysfits, ${after?.adopted ?? flags.adopted} adopted; ${flags.changes.length} Adopted flags set; ` +
        (agree ? 'every flag agrees with the adoptions.' : `flags DISAGREE with the adoptions${unknown}.`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function tableLine(table: TableReport): string {
  const rate = table.copiedNow > 0 && table.seconds > 0 ? number(Math.round(table.copiedNow / table.seconds)) : '-';
  const v = table.verification;
  const agree = v && v.legacy.rows === v.target.rows && v.legacy.checksum === v.target.checksum;
  const checksums = v
    ? agree
      ? `${v.legacy.checksum} = ${v.target.checksum}  ok`
      : `${v.legacy.checksum} (${number(v.legacy.rows)} rows) / ${v.target.checksum} (${number(v.target.rows)} rows)  MISMATCH`
    : '';
  return `${table.label.padEnd(14)} ${number(table.legacyRows).padStart(11)} ${number(table.alreadyCopied).padStart(13)} ${number(table.copiedNow).padStart(10)} ${rate.padStart(9)}  ${checksums}`;
}
