// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useShowMore } from './useShowMore';

function List({ items, step, limit = 3 }: { items: readonly string[]; step?: number; limit?: number }) {
  const { shown, more } = useShowMore(items, { limit, noun: ['quote', 'quotes'], step });
  return (
    <div>
      <ul>
        {shown.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
      {more}
    </div>
  );
}

const words = (n: number, prefix = 'q') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const button = () => screen.queryByRole('button');

describe('useShowMore', () => {
  afterEach(cleanup);

  it('shows everything, with no button, when the list is short', () => {
    render(<List items={words(3)} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(button()).toBeNull();
  });

  it('names one hidden item in the singular', () => {
    render(<List items={words(4)} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(button()!.textContent).toBe('Show the other quote');
  });

  it('shows a step more per press, then offers to show fewer (the button stays for keyboard focus)', () => {
    render(<List items={words(1003)} step={500} />);
    expect(button()!.textContent).toBe('Show 500 more quotes (1,000 not shown)');
    act(() => fireEvent.click(button()!));
    expect(screen.getAllByRole('listitem')).toHaveLength(503);
    expect(button()!.textContent).toBe('Show the other 500 quotes');
    act(() => fireEvent.click(button()!));
    expect(screen.getAllByRole('listitem')).toHaveLength(1003);
    expect(button()!.textContent).toBe('Show fewer quotes (the first 3)');
    act(() => fireEvent.click(button()!));
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('with a limit of 0 (places behind a disagreement) shows nothing until asked, then offers to hide them', () => {
    render(<List items={words(2)} limit={0} />);
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    expect(button()!.textContent).toBe('Show the other 2 quotes');
    act(() => fireEvent.click(button()!));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(button()!.textContent).toBe('Hide the other quotes');
    act(() => fireEvent.click(button()!));
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    expect(button()!.getAttribute('aria-expanded')).toBe('false');
  });

  it('with a limit of 0: one item in the singular, a long list a step at a time, and the state for screen readers', () => {
    const { rerender } = render(<List items={words(1)} limit={0} />);
    expect(button()!.textContent).toBe('Show the other quote');
    expect(button()!.getAttribute('aria-expanded')).toBe('false');
    act(() => fireEvent.click(button()!));
    expect(button()!.textContent).toBe('Hide the other quote');
    expect(button()!.getAttribute('aria-expanded')).toBe('true');
    rerender(<List items={words(120)} limit={0} step={50} />);
    expect(button()!.textContent).toBe('Show 50 of the 120 other quotes');
    act(() => fireEvent.click(button()!));
    expect(screen.getAllByRole('listitem')).toHaveLength(50);
    expect(button()!.textContent).toBe('Show 50 more quotes (70 not shown)');
  });

  it('starts again at the limit when the list is another one', () => {
    const { rerender } = render(<List items={words(10)} />);
    act(() => fireEvent.click(button()!));
    expect(screen.getAllByRole('listitem')).toHaveLength(10);
    rerender(<List items={words(10, 'other')} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getAllByRole('listitem')[0]!.textContent).toBe('other0');
  });
});
