// ESLint's entry: the rules live in tools/lint (a workspace of its own, see the file there).
export { default } from './tools/lint/eslint.config.js';
