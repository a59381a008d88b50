import { generatePlan } from './generate-plan.mjs';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { gfmFromMarkdown } from 'mdast-util-gfm';
for (const n of [500,1000,2000,4000]) {
const t = generatePlan({items:n, seed:1});
let s=performance.now(); fromMarkdown(t,{extensions:[gfm()],mdastExtensions:[gfmFromMarkdown()]}); console.log(n,'mdast',performance.now()-s);
for (const d of ['checklist','spec-kit','kiro','backlog','tracker']) {
const t = generatePlan({items:n, seed:1, dialects:[d]});
let s=performance.now(); fromMarkdown(t,{extensions:[gfm()],mdastExtensions:[gfmFromMarkdown()]}); console.log(n,d,t.length,'mdast',performance.now()-s);
}}
