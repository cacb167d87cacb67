/**
 * The printout of `npm start` and `npm run send`: per event, each rule's status, the request Amazon
 * received (hashed match keys; the Authorization header and IP address masked as Adobe's trace masks
 * secrets), Amazon's answer, the action's summary from the rule stash, and for a failed rule the
 * reason from its trace.
 */
import type { RuleStatus, TraceEntry } from './engine';
import type { RuleRun } from './harness';
import { errorTraces } from './traces';
import { EXTENSION } from '../../src/fields/registry';

export interface AmazonExchange {
  url: string;
  /** Header names as sent or received (any case). */
  headers: Record<string, string>;
  body: unknown;
  status: number;
  response: unknown;
}

/** A stand-in record (scripts/amazon-stand-in) as an exchange. */
export function exchangeFromStandIn(record: { host: string; path: string; headers: Record<string, string>; body: unknown; status: number; response: unknown }): AmazonExchange {
  return { url: `https://${record.host}${record.path}`, headers: record.headers, body: record.body, status: record.status, response: record.response };
}

const parseJson = (text: string | undefined): unknown => {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/**
 * Amazon calls as the engine traced them (`FETCH Resource <url> Options <init> Response Status <n>
 * Response Body <text>`): what `--live` prints, since no stand-in saw the request.
 */
export function exchangesFromTraces(logs: readonly TraceEntry[]): AmazonExchange[] {
  return logs.flatMap((entry) => {
    const [, tag, , url, , options, , status, , body] = entry.messages;
    if (tag !== 'FETCH' || url === undefined || status === undefined) return [];
    const init = (parseJson(options) ?? {}) as { headers?: Record<string, string>; body?: string };
    return [{ url: parseJson(url) as string, headers: init.headers ?? {}, body: parseJson(init.body), status: Number(status), response: parseJson(body) }];
  });
}

/** As Adobe's engine masks sensitive tokens: the last four characters stay. */
function mask(value: string): string {
  return value.length < 9 ? '*****' : `*****${value.slice(-4)}`;
}

function maskPersonal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonal);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, key === 'ipAddress' && typeof field === 'string' ? mask(field) : maskPersonal(field)])
  );
}

const SHOWN_HEADERS = /^(authorization|amazon-.*|content-type|x-request-id)$/i;

function formatHeaders(headers: Record<string, string>): string[] {
  return Object.entries(headers)
    .filter(([name]) => SHOWN_HEADERS.test(name))
    .map(([name, value]) => `${name}: ${/^authorization$/i.test(name) ? value.replace(/^(Bearer )?(.*)$/i, (_, bearer: string | undefined, token: string) => `${bearer ?? ''}${mask(token)}`) : value}`);
}

const indent = (text: string, by: string): string => text.split('\n').map((line) => by + line).join('\n');
/** JSON indented only where a line would grow past `width`: a match key stays on one line. */
export function compactJson(value: unknown, indentation = '', width = 96): string {
  const single = JSON.stringify(value) ?? 'null';
  if (typeof value !== 'object' || value === null || single.length + indentation.length <= width) return single;
  const inner = `${indentation}  `;
  const items = Array.isArray(value)
    ? value.map((item) => `${inner}${compactJson(item, inner, width)}`)
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${compactJson(item, inner, width)}`);
  return Array.isArray(value) ? `[\n${items.join(',\n')}\n${indentation}]` : `{\n${items.join(',\n')}\n${indentation}}`;
}
const json = (value: unknown): string => compactJson(value);

/** A failed rule's reason: the first line of its error trace (the stack follows in the trace). */
export function failureReason(logs: readonly TraceEntry[]): string | undefined {
  return errorTraces(logs)[0]?.split('\n')[0]?.trim();
}

export function formatExchange(exchange: AmazonExchange): string {
  return [
    `Amazon received: POST ${exchange.url}`,
    ...formatHeaders(exchange.headers).map((line) => `  ${line}`),
    indent(json(maskPersonal(exchange.body)), '  '),
    `Amazon answered: ${exchange.status === 0 ? 'no answer (connection reset or still pending)' : exchange.status}`,
    ...(exchange.response === undefined ? [] : [indent(json(exchange.response), '  ')])
  ].join('\n');
}

export interface EventReport {
  title: string;
  runs: ReadonlyArray<Pick<RuleRun, 'ruleId' | 'ruleName' | 'status' | 'logs' | 'ruleStash'>>;
  exchanges: readonly AmazonExchange[];
}

export function formatEventReport(report: EventReport): string {
  const lines = [`▶ ${report.title}`];
  for (const run of report.runs) {
    lines.push(`  Rule "${run.ruleName}" (${run.ruleId}): ${run.status}`);
    if (run.status === 'failed') lines.push(`    Reason: ${failureReason(run.logs) ?? 'no error in the trace'}`);
    const summary = run.ruleStash[EXTENSION.name];
    if (summary !== undefined) lines.push(`    Summary (ruleStash["${EXTENSION.name}"]):`, indent(json(summary), '      '));
  }
  if (report.exchanges.length === 0) lines.push('  Amazon received nothing for this event.');
  for (const exchange of report.exchanges) lines.push(indent(formatExchange(exchange), '  '));
  return lines.join('\n');
}

/** The sandbox's `/process-edge-request` answer, as rule runs (traces grouped by rule). */
export function runsFromSandboxAnswer(
  answer: { body?: { status?: Array<[string, RuleStatus]>; traces?: TraceEntry[] } },
  ruleNames: ReadonlyMap<string, string>,
  ruleStashOf: (ruleId: string, logs: TraceEntry[]) => Record<string, unknown>
): EventReport['runs'] {
  const traces = answer.body?.traces ?? [];
  return (answer.body?.status ?? []).map(([ruleId, status]) => {
    const logs = traces.filter((entry) => entry.context.ruleId === ruleId);
    return { ruleId, ruleName: ruleNames.get(ruleId) ?? ruleId, status, logs, ruleStash: ruleStashOf(ruleId, logs) };
  });
}

