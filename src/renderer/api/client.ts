// The typed client of the contract: `call('participants.search', {query})` is checked against the
// method's input type and resolves to its output type, or throws an ApiError carrying the typed
// error (code, Vietnamese message, field) for forms to show beside the field.
import type { OfficeErrorData } from '../../shared/contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract/methods';
import { send } from './transport';

export class ApiError extends Error {
  readonly data: OfficeErrorData;
  constructor(data: OfficeErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.data = data;
  }
}

export async function call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await send(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as MethodOutput<M>;
}
