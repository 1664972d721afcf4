// One call of the contract through an office core's `invoke`, typed from the method's name: the
// input is the method's input type and the result its output type, and a refusal throws with the
// typed error attached (`data`). The tests, the benchmarks and the fault suite share it; a test
// that means to send a wrong input says so with `failure` (office-fixture.ts) or a cast.
import type { Invoke } from '../../src/main/core/dispatcher';
import type { MethodInput, MethodName, MethodOutput } from '../../src/shared/contract/methods';

export async function call<M extends MethodName>(core: { invoke: Invoke }, method: M, input: MethodInput<M>, token?: string): Promise<MethodOutput<M>> {
  const result = await core.invoke(method, input, token);
  if (!result.ok) throw Object.assign(new Error(`${method} failed: ${result.error.code} ${result.error.messageEn}`), { data: result.error });
  return result.value as MethodOutput<M>;
}
