import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../auth/context.js';
import { Case } from '../../entities/case.entity.js';
import { Party } from '../../entities/party.entity.js';
import { ServiceRecord } from '../../entities/service-record.entity.js';

/** The service records (送达回证) of a case and their recipients. */

@Resolver(() => Case)
export class CaseServiceRecordsResolver {
  @FieldResolver(() => [ServiceRecord], { description: '送达记录（送达回证），按时间顺序' })
  serviceRecords(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<ServiceRecord[]> {
    return ctx.em.find(
      ServiceRecord,
      { case: found.id },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }
}

@Resolver(() => ServiceRecord)
export class ServiceRecordResolver {
  @FieldResolver(() => Party, { description: '受送达人' })
  party(@Root() record: ServiceRecord, @Ctx() ctx: RequestContext): Promise<Party> {
    return ctx.em.findOneOrFail(Party, { id: record.party.id });
  }
}
