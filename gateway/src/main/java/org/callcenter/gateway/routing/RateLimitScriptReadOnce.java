package org.callcenter.gateway.routing;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Replaces Spring Cloud Gateway's rate-limit script, made from a class path resource,
 * with the same script as text. A resource-backed script asks its resource whether it
 * changed before every call, and in an executable jar each such check searches the whole
 * class path: measured with JFR, about 40 % of the gateway's CPU per dial. A script in a
 * running jar never changes.
 */
final class RateLimitScriptReadOnce implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DefaultRedisScript<?> script && RedisRateLimiter.REDIS_SCRIPT_NAME.equals(beanName)) {
			return RedisScript.of(script.getScriptAsString(), script.getResultType());
		}
		return bean;
	}

}
