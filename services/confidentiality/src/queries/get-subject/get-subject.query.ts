export class GetSubject {
  constructor(readonly subjectId: string) {}
}
