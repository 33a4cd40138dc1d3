import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's Node: every record a client may refetch by id alone. Global ids are the records' own
 * UUIDv7 ids, unchanged: they are unique across tables, so `node(id)` finds the table with one
 * query and clients keep the ids they already hold (no base64 type prefix).
 */
@InterfaceType('Node', {
  description:
    '可按 id 单独重新获取的对象（Node，Relay 规范）。id 为全局唯一的 UUID（各表之间不重复），以 node(id)、nodes(ids) 查询',
})
export abstract class Node {
  @Field(() => ID, { description: '全局唯一标识（id，UUID）' })
  id!: string;
}
