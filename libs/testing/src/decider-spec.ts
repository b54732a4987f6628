import { Decider, DomainError, fold } from '@cx/domain';

type ErrorClass = abstract new (...args: never[]) => DomainError;

/**
 * given(events).when(command).then(events) for deciders (STYLE.md §8): no infrastructure, just the rules.
 *   spec(complaintDecider).given([filed]).when(escalate).then([escalated])
 */
export function spec<Command, Event, State>(decider: Decider<Command, Event, State>) {
  return {
    given(events: Event[]) {
      return {
        when(command: Command) {
          const decide = () => decider.decide(command, fold(decider, events));
          return {
            then(expected: Event[]): void {
              expect(decide()).toEqual(expected);
            },
            thenThrows(errorClass: ErrorClass, details?: Record<string, unknown>): void {
              let thrown: unknown;
              try {
                decide();
              } catch (error) {
                thrown = error;
              }
              expect(thrown).toBeInstanceOf(errorClass);
              if (details) expect((thrown as DomainError).details).toMatchObject(details);
            },
          };
        },
      };
    },
  };
}
