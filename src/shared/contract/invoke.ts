// What one `invoke` can carry: the core's methods (methods.ts) and, in the desktop app, the shell's
// (shell.ts), with the input and output types of each.
import type { MethodInput, MethodName, MethodOutput } from './methods';
import type { ShellInput, ShellMethodName, ShellOutput } from './shell';

export type InvokeName = MethodName | ShellMethodName;
export type InvokeInput<M extends InvokeName> = M extends MethodName ? MethodInput<M> : M extends ShellMethodName ? ShellInput<M> : never;
export type InvokeOutput<M extends InvokeName> = M extends MethodName ? MethodOutput<M> : M extends ShellMethodName ? ShellOutput<M> : never;
