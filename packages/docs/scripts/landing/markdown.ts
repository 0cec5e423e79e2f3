/** Markdown pieces the landing sections share, and Redoc's links into the page. */

import type { CallPlan } from '../plan/call-plan.js';

/** A fenced code block. */
export function fence(lang: string, code: string): string {
  return `\`\`\`${lang}\n${code.trimEnd()}\n\`\`\``;
}

/** Text for a table cell: no pipe and no line break may end the cell early. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** A name as code. */
export function code(text: string): string {
  return `\`${text}\``;
}

/** Redoc's link to an operation in the reference. */
export function operationLink(operationId: string): string {
  return `#operation/${operationId}`;
}

/** `POST /path`. */
export function route(plan: CallPlan): string {
  return `${plan.operation.method.toUpperCase()} ${plan.operation.path}`;
}

/** The first paragraph of a description from the spec, on one line. */
export function firstParagraph(description: string): string {
  return description.trim().split(/\n\s*\n/)[0]!.replace(/\s*\n\s*/g, ' ');
}
