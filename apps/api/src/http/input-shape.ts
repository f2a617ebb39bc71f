import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { errorBody } from './error-body';
import { isApiRequest } from './http-exception.filter';

/**
 * Deeper than any body we accept (the deepest is a list of contacts, three levels), and far
 * shallower than what overflows the stack of class-transformer, which walks bodies recursively.
 */
export const MAX_INPUT_DEPTH = 32;

/**
 * What is wrong with the shape of a parsed body or query, before any DTO sees it: nesting deeper
 * than MAX_INPUT_DEPTH, or a NUL in any key or string (Postgres refuses NUL in text, so it would
 * otherwise end as a 500 wherever it reached a query). Walks with its own stack, not recursion,
 * so the check itself cannot overflow on the input it exists to refuse.
 */
export function inputShapeProblem(input: unknown, what: string): string | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: input, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return nulMessage(what);
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_INPUT_DEPTH) {
        return `${what} is nested more than ${MAX_INPUT_DEPTH} levels deep; send a flatter structure`;
      }
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\u0000')) return nulMessage(what);
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function nulMessage(what: string): string {
  return `${what} must not contain NUL characters (\\u0000): remove them and send it again`;
}

/**
 * Refuses a request whose body or query string fails inputShapeProblem with a 400: in API.md's
 * shape for the API, as the error page for web pages. Runs after the body parsers, before
 * anything reads the input.
 */
export function refuseMalformedInput(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const problem =
      inputShapeProblem(req.query, 'the query string') ?? inputShapeProblem(req.body, 'the request body');
    if (!problem) {
      next();
      return;
    }
    if (isApiRequest(req)) {
      res.status(400).json(errorBody(400, problem));
    } else {
      res.status(400).render('pages/error.njk', { statusCode: 400, message: problem });
    }
  };
}
