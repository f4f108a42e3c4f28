/** app.training */
package org.convscope.app.training;
