// Number of violated assertions (for the tab badge).
import { useAssertionResults } from '../lb/derived.ts';

export function useFailingAssertions(): number {
  const { results } = useAssertionResults();
  return results.filter((r) => !r.ok).length;
}
