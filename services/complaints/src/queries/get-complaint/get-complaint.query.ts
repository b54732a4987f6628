export class GetComplaint {
  constructor(readonly complaintId: string) {}
}
