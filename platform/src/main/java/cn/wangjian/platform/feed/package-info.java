/**
 * The platform's link to the listing feed (issue 19, decision 0032): the reported listings and the officers' rule
 * versions forwarded to Kafka, the stream job's results taken back into the findings and its brushing rings into
 * 刷单监测. Off unless
 * {@code wangjian.stream.bootstrap-servers} is set.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"brushing", "monitoring", "registry"})
package cn.wangjian.platform.feed;
