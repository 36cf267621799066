// For tests: the AppError a function throws, or a failure when it throws nothing or something else.
import { AppError } from './errors';

export function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
