import { useEffect, useState } from 'react';

/** `value`, once it has stayed the same for `delay` milliseconds (the editor's preview waits for typing to pause). */
export const useDebounced = <T>(value: T, delay: number): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
};
