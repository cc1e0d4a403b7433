import { FakeAwsError, type ServiceHandlers } from "../request.js";

/** Glue (awsJson1_1): the Data Catalog has no resource policy in the fake. */
export const GLUE: ServiceHandlers = {
  GetResourcePolicy: () => {
    throw new FakeAwsError("EntityNotFoundException", "Policy not found");
  },
};
